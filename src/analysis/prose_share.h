// How much of a change is prose rather than code: documentation files
// (Markdown, reStructuredText, notebooks, docs/ folders) and, where the patch
// is known, changed lines that are only comments ("fix typo" in a tutorial's
// comment is a docs change; a typo in an identifier is a code fix).
#pragma once

#include <string_view>
#include <vector>

#include "model/activity.h"

namespace infradigest {

// docs/, */docs/, *.md, *.rst, *.ipynb (any case).
bool is_prose_path(std::string_view path);

// The share of the changed lines that are prose, in [0, 1]; 0 without files.
// Per file: a prose path counts whole; a Python or C-family file with a whole
// (untruncated) patch counts its changed lines that hold only a comment, and
// blank changed lines count for neither side; any other file counts as code
// (additions + deletions, or one line when the source gives no counts).
double prose_share(const std::vector<FileChange>& files);

}  // namespace infradigest
