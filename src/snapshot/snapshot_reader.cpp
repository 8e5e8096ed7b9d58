#include "snapshot/snapshot_reader.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "snapshot/activity_json.h"

namespace infradigest {

namespace {

namespace fs = std::filesystem;

// Collects records, rejecting an id seen before with different content.
class ActivityBuilder {
 public:
  explicit ActivityBuilder(Activity& out) : out_(out) {}

  Status add(SnapshotRecord record, const std::string& where);

 private:
  template <class T>
  Status insert(std::vector<T>& list, const std::string& id, T item, const std::string& where) {
    auto [it, fresh] = seen_.emplace(id, Seen{where, list.size()});
    if (fresh) {
      list.push_back(std::move(item));
      return {};
    }
    if (list[it->second.index] == item) return {};
    return make_error(id + " appears again with different content (first at " + it->second.where +
                      "); keep one version");
  }

  struct Seen {
    std::string where;
    size_t index;
  };
  Activity& out_;
  std::map<std::string, Seen> seen_;
};

// Defined after the class: clang 14 does not instantiate a member template
// that a generic lambda calls before the template is defined.
Status ActivityBuilder::add(SnapshotRecord record, const std::string& where) {
  return std::visit(
      [&](auto&& item) -> Status {
        using T = std::decay_t<decltype(item)>;
        if constexpr (std::is_same_v<T, SnapshotMeta>) {
          return {};
        } else if constexpr (std::is_same_v<T, Repository>) {
          std::string id = "repository:" + item.full_name;
          return insert(out_.repositories, id, std::move(item), where);
        } else {
          std::string id = fact_id(item);  // before the move below
          if constexpr (std::is_same_v<T, Commit>) return insert(out_.commits, id, std::move(item), where);
          else if constexpr (std::is_same_v<T, PullRequest>) return insert(out_.pull_requests, id, std::move(item), where);
          else if constexpr (std::is_same_v<T, Issue>) return insert(out_.issues, id, std::move(item), where);
          else return insert(out_.releases, id, std::move(item), where);
        }
      },
      std::move(record));
}

Status parse_into(const std::string& text, const std::string& origin, ActivityBuilder& builder) {
  std::istringstream in(text);
  std::string line;
  int line_no = 0;
  bool seen_item = false;
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    const std::string at = origin + ":" + std::to_string(line_no);
    nlohmann::json object;
    try {
      object = nlohmann::json::parse(line);
    } catch (const nlohmann::json::parse_error& e) {
      std::string what = e.what();
      // nlohmann prefixes "[json.exception.parse_error.101] parse error at line 1, column N: ".
      auto colon = what.find(": ", what.find("column"));
      return make_error(at + ":" + std::to_string(e.byte) + ": invalid JSON: " +
                        (colon == std::string::npos ? what : what.substr(colon + 2)));
    } catch (const nlohmann::json::exception& e) {
      // Valid syntax the parser still refuses, e.g. a number that overflows a
      // double ("2e781"; found by fuzzing). nlohmann prefixes "[json.exception.…] ".
      std::string what = e.what();
      const auto bracket = what.find("] ");
      return make_error(at + ":1: invalid JSON: " + (bracket == std::string::npos ? what : what.substr(bracket + 2)));
    }
    auto record = decode_record(object);
    if (!record) return record.error().with_context(at + ":1");
    if (std::holds_alternative<SnapshotMeta>(*record) && seen_item)
      return make_error(at + ":1: meta must be the first line of a file");
    seen_item = true;
    // A conflicting duplicate is named where it appears again (the first place is in the message).
    if (auto added = builder.add(std::move(*record), at); !added) return added.error().with_context(at + ":1");
  }
  return {};
}

Result<std::string> read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return make_error(path.string() + ": cannot open for reading");
  std::ostringstream buf;
  buf << in.rdbuf();
  if (in.bad()) return make_error(path.string() + ": read error");
  return buf.str();
}

}  // namespace

Result<Activity> parse_snapshot(const std::string& text, const std::string& origin) {
  Activity activity;
  ActivityBuilder builder(activity);
  INFRADIGEST_TRY(parse_into(text, origin, builder));
  return activity;
}

namespace {

// A file import may read: a regular file (after symlinks). A FIFO would block
// the read forever, a device never ends; a symlink loop has no target.
Status check_readable_file(const fs::path& file) {
  std::error_code ec;
  const fs::file_status st = fs::status(file, ec);
  if (ec) return make_error(file.string() + ": cannot read: " + ec.message());
  if (!fs::is_regular_file(st))
    return make_error(file.string() + ": not a regular file (a FIFO, socket or device?); give a .jsonl file or a "
                                      "folder of them");
  return {};
}

}  // namespace

Result<Activity> read_snapshot(const std::string& path) {
  std::error_code ec;
  std::vector<fs::path> files;
  const fs::file_status st = fs::status(path, ec);
  if (ec && ec != std::errc::no_such_file_or_directory) return make_error(path + ": cannot read: " + ec.message());
  if (fs::is_directory(st)) {
    fs::directory_iterator it(path, ec), end;
    for (; !ec && it != end; it.increment(ec)) {
      if (it->path().extension() != ".jsonl") continue;
      INFRADIGEST_TRY(check_readable_file(it->path()));
      files.push_back(it->path());
    }
    if (ec) return make_error(path + ": cannot list folder: " + ec.message());
    if (files.empty()) return make_error(path + ": no *.jsonl files in this folder");
    std::sort(files.begin(), files.end());
  } else if (fs::exists(st)) {
    INFRADIGEST_TRY(check_readable_file(path));
    files.push_back(path);
  } else {
    return make_error(path + ": no such file or folder");
  }
  Activity activity;
  ActivityBuilder builder(activity);
  for (const auto& file : files) {
    auto text = read_file(file);
    if (!text) return text.error();
    INFRADIGEST_TRY(parse_into(*text, file.string(), builder));
  }
  return activity;
}

}  // namespace infradigest
