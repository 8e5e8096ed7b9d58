// Detecting that a commit moves a watched project's version pin: "Bump
// flashinfer to v0.6.4", "[Deps] update cutlass to v4.4.1", "Upgrade DeepGEMM"
// with requirements/cmake changes. Conservative: the update verb must govern
// the name (right before it, or right after: "FlashInfer version bump"), and
// a version must follow the name or the commit must change a dependency file;
// "Update flashinfer attention backend" and "Update tests for flashinfer
// 0.6.4" are not bumps.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compose/watched_projects.h"
#include "model/activity.h"

namespace infradigest {

struct PinBump {
  std::string upstream;                // the watched repo whose pin moved
  std::optional<std::string> version;  // verbatim ("v0.6.4", "0.6.4.post1"), when given
};

// True for the files that pin dependencies: requirements*.txt and
// requirements/*.txt, pyproject.toml,
// setup.py, CMakeLists.txt, *.cmake, Dockerfile*, docker/ files.
bool is_dependency_file(std::string_view path);

// The pins `title`/`message` move, for a commit of `own_repo` (its own
// version bumps are releases, not cross-repo signals). The title counts with
// a version or a dependency file among `files`; a message line counts only
// with a version. Reverts move no pin forward and give none.
std::vector<PinBump> detect_pin_bumps(std::string_view title, std::string_view message,
                                      const std::vector<FileChange>& files, const std::string& own_repo,
                                      const WatchedProjects& watched);

// "v0.6.4" and "0.6.4" name the same version.
bool same_version(std::string_view a, std::string_view b);

// Whether `text` holds `version` as a whole version token: "v4.4.1 update"
// names 4.4.1; "v4.4.10" and "4.4.1.post1" do not.
bool names_version(std::string_view text, std::string_view version);

}  // namespace infradigest
