#include "snapshot/activity_json.h"

#include <set>

#include "core/text_sanitizer.h"
#include "model/pull_links.h"

namespace infradigest {

namespace {

using nlohmann::json;

// Reads fields of one object, remembering which were read so that leftovers
// (unknown fields) can be reported.
class FieldReader {
 public:
  FieldReader(const json& object, std::string type) : object_(object), type_(std::move(type)) {}

  Result<std::string> required_string(const char* name) {
    auto v = optional_string(name);
    if (!v) return v.error();
    if (!v->has_value()) return missing(name);
    return **v;
  }

  Result<std::optional<std::string>> optional_string(const char* name) {
    const json* v = find(name);
    if (!v) return std::optional<std::string>{};
    if (!v->is_string()) return wrong(name, "a string");
    return std::optional<std::string>{strip_unsafe_controls(v->get<std::string>())};  // as sync does
  }

  Result<std::optional<int>> optional_int(const char* name) {
    const json* v = find(name);
    if (!v) return std::optional<int>{};
    if (!v->is_number_integer() || v->get<long long>() < 0 || v->get<long long>() > 2147483647)
      return wrong(name, "a non-negative integer");
    return std::optional<int>{v->get<int>()};
  }

  Result<int> required_positive_int(const char* name) {
    auto v = optional_int(name);
    if (!v) return v.error();
    if (!v->has_value()) return missing(name);
    if (**v <= 0) return wrong(name, "a positive integer");
    return **v;
  }

  Result<std::optional<bool>> optional_bool(const char* name) {
    const json* v = find(name);
    if (!v) return std::optional<bool>{};
    if (!v->is_boolean()) return wrong(name, "true or false");
    return std::optional<bool>{v->get<bool>()};
  }

  Result<std::vector<std::string>> string_list(const char* name) {
    const json* v = find(name);
    std::vector<std::string> out;
    if (!v) return out;
    if (!v->is_array()) return wrong(name, "an array of strings");
    for (const auto& e : *v) {
      if (!e.is_string()) return wrong(name, "an array of strings");
      out.push_back(strip_unsafe_controls(e.get<std::string>()));
    }
    return out;
  }

  // Labels: plain names, or objects with a "name" (GitHub's two shapes).
  Result<std::vector<std::string>> label_list(const char* name) {
    const json* v = find(name);
    std::vector<std::string> out;
    if (!v) return out;
    if (!v->is_array()) return wrong(name, "an array of strings or {\"name\": ...} objects");
    for (const auto& e : *v) {
      const json* label = &e;
      if (e.is_object() && e.contains("name")) label = &e["name"];
      if (!label->is_string()) return wrong(name, "an array of strings or {\"name\": ...} objects");
      if (!label->get<std::string>().empty()) out.push_back(label->get<std::string>());
    }
    return out;
  }

  Result<std::optional<Timestamp>> optional_time(const char* name) {
    auto text = optional_string(name);
    if (!text) return text.error();
    if (!text->has_value()) return std::optional<Timestamp>{};
    auto t = parse_timestamp(**text);
    if (!t) return t.error().with_context(type_ + " field '" + name + "'");
    return std::optional<Timestamp>{*t};
  }

  Result<Timestamp> required_time(const char* name) {
    auto t = optional_time(name);
    if (!t) return t.error();
    if (!t->has_value()) return missing(name);
    return **t;
  }

  Result<std::string> repo() {
    auto name = required_string("repo");
    if (!name) return name;
    if (!is_repo_name(*name)) return wrong("repo", "\"owner/name\"");
    return name;
  }

  // The raw value of a structured field (nullptr when absent); marks it read.
  const json* field(const char* name) { return find(name); }

  // Errors if the object has a field no one asked for.
  Status finish() const {
    for (auto it = object_.begin(); it != object_.end(); ++it)
      if (!read_.count(it.key()) && it.key() != "type")
        return make_error("unknown field '" + it.key() + "' in " + type_ +
                          " (see docs/snapshot-format.md for the fields of each type)");
    return {};
  }

 private:
  const json* find(const char* name) {
    read_.insert(name);
    auto it = object_.find(name);
    if (it == object_.end() || it->is_null()) return nullptr;
    return &*it;
  }
  Error missing(const char* name) const {
    return make_error(type_ + " is missing required field '" + name + "'");
  }
  Error wrong(const char* name, const char* expected) const {
    return make_error(type_ + " field '" + name + "' must be " + expected);
  }

  const json& object_;
  std::string type_;
  std::set<std::string> read_;
};

// Assigns the value of a Result to `target`, or returns its error from the caller.
#define READ_INTO(target, expr)          \
  do {                                   \
    auto read_result_ = (expr);          \
    if (!read_result_) return read_result_.error(); \
    target = std::move(*read_result_);   \
  } while (0)

Status check_sha(const std::optional<std::string>& sha, const char* what) {
  if (sha && !is_full_sha(*sha))
    return make_error(std::string(what) + " must be a full 40-character lowercase hex SHA, got '" +
                      *sha + "'");
  return {};
}

Result<SnapshotRecord> decode_meta(FieldReader& r) {
  SnapshotMeta m;
  std::optional<int> version;
  READ_INTO(version, r.optional_int("format_version"));
  if (!version || *version != 1)
    return make_error("meta field 'format_version' must be 1 (the only version this build reads)");
  m.format_version = *version;
  READ_INTO(m.description, r.optional_string("description"));
  return SnapshotRecord{m};
}

Result<SnapshotRecord> decode_repository(FieldReader& r) {
  Repository repo;
  READ_INTO(repo.full_name, r.required_string("full_name"));
  if (!is_repo_name(repo.full_name))
    return make_error("repository field 'full_name' must be \"owner/name\"");
  READ_INTO(repo.default_branch, r.optional_string("default_branch"));
  return SnapshotRecord{repo};
}

Result<FileChange> decode_file(const json& j) {
  if (!j.is_object()) return make_error("commit field 'files' must be an array of objects");
  FieldReader r(j, "file");
  FileChange f;
  READ_INTO(f.filename, r.required_string("filename"));
  READ_INTO(f.status, r.optional_string("status"));
  READ_INTO(f.additions, r.optional_int("additions"));
  READ_INTO(f.deletions, r.optional_int("deletions"));
  READ_INTO(f.previous_filename, r.optional_string("previous_filename"));
  READ_INTO(f.patch, r.optional_string("patch"));
  std::optional<bool> truncated;
  READ_INTO(truncated, r.optional_bool("patch_truncated"));
  f.patch_truncated = truncated.value_or(false);
  INFRADIGEST_TRY(r.finish());
  return f;
}

Result<SnapshotRecord> decode_commit(FieldReader& r) {
  Commit c;
  READ_INTO(c.repo, r.repo());
  READ_INTO(c.sha, r.optional_string("sha"));
  INFRADIGEST_TRY(check_sha(c.sha, "commit field 'sha'"));
  READ_INTO(c.parents, r.string_list("parents"));
  for (const auto& p : c.parents) INFRADIGEST_TRY(check_sha(p, "commit field 'parents'"));
  READ_INTO(c.author, r.optional_string("author"));
  READ_INTO(c.committer, r.optional_string("committer"));
  READ_INTO(c.authored_at, r.optional_time("authored_at"));
  READ_INTO(c.committed_at, r.required_time("committed_at"));
  READ_INTO(c.landed_at, r.optional_time("landed_at"));
  READ_INTO(c.message, r.required_string("message"));
  if (c.title().empty()) return make_error("commit field 'message' has an empty first line");
  READ_INTO(c.pr_number, r.optional_int("pr"));
  std::optional<std::string> link;
  READ_INTO(link, r.optional_string("pr_link"));
  if (link) {
    c.pr_link = pull_link_from_name(*link);
    if (!c.pr_link) return make_error("commit field 'pr_link' must be one of the link kinds in docs/snapshot-format.md");
    if (!c.pr_number) return make_error("commit field 'pr_link' needs 'pr'");
  } else if (c.pr_number) {
    c.pr_link = PullLink::kGiven;
  }
  if (const json* files = r.field("files")) {
    c.files_listed = true;
    if (!files->is_array()) return make_error("commit field 'files' must be an array of objects");
    for (const auto& fj : *files) {
      auto f = decode_file(fj);
      if (!f) return f.error();
      c.files.push_back(std::move(*f));
    }
  }
  return SnapshotRecord{std::move(c)};
}

Result<SnapshotRecord> decode_pull_request(FieldReader& r) {
  PullRequest p;
  READ_INTO(p.repo, r.repo());
  READ_INTO(p.number, r.required_positive_int("number"));
  READ_INTO(p.title, r.required_string("title"));
  READ_INTO(p.author, r.optional_string("author"));
  READ_INTO(p.state, r.optional_string("state"));
  READ_INTO(p.created_at, r.optional_time("created_at"));
  READ_INTO(p.merged_at, r.optional_time("merged_at"));
  READ_INTO(p.merge_commit_sha, r.optional_string("merge_commit_sha"));
  INFRADIGEST_TRY(check_sha(p.merge_commit_sha, "pull_request field 'merge_commit_sha'"));
  READ_INTO(p.labels, r.label_list("labels"));
  READ_INTO(p.body, r.optional_string("body"));
  return SnapshotRecord{std::move(p)};
}

Result<SnapshotRecord> decode_issue(FieldReader& r) {
  Issue i;
  READ_INTO(i.repo, r.repo());
  READ_INTO(i.number, r.required_positive_int("number"));
  READ_INTO(i.title, r.required_string("title"));
  READ_INTO(i.author, r.optional_string("author"));
  READ_INTO(i.state, r.optional_string("state"));
  READ_INTO(i.created_at, r.required_time("created_at"));
  READ_INTO(i.labels, r.label_list("labels"));
  READ_INTO(i.body, r.optional_string("body"));
  return SnapshotRecord{std::move(i)};
}

Result<SnapshotRecord> decode_release(FieldReader& r) {
  Release rel;
  READ_INTO(rel.repo, r.repo());
  READ_INTO(rel.tag, r.required_string("tag"));
  if (rel.tag.empty()) return make_error("release field 'tag' must not be empty");
  READ_INTO(rel.name, r.optional_string("name"));
  READ_INTO(rel.published_at, r.required_time("published_at"));
  READ_INTO(rel.prerelease, r.optional_bool("prerelease"));
  READ_INTO(rel.body, r.optional_string("body"));
  READ_INTO(rel.pr_number, r.optional_int("pr"));
  return SnapshotRecord{std::move(rel)};
}

void put(OrderedJson& j, const char* key, const std::optional<std::string>& v) {
  if (v) j[key] = *v;
}
void put(OrderedJson& j, const char* key, const std::optional<int>& v) {
  if (v) j[key] = *v;
}
void put(OrderedJson& j, const char* key, const std::optional<bool>& v) {
  if (v) j[key] = *v;
}
void put(OrderedJson& j, const char* key, const std::optional<Timestamp>& v) {
  if (v) j[key] = v->to_string();
}
void put(OrderedJson& j, const char* key, const std::vector<std::string>& v) {
  if (!v.empty()) j[key] = v;
}

}  // namespace

Result<SnapshotRecord> decode_record(const nlohmann::json& object) {
  if (!object.is_object()) return make_error("each line must be a JSON object");
  auto type_it = object.find("type");
  if (type_it == object.end() || !type_it->is_string())
    return make_error("missing \"type\" (one of meta, repository, commit, pull_request, issue, release)");
  const std::string type = type_it->get<std::string>();
  FieldReader r(object, type);
  Result<SnapshotRecord> record = make_error("");
  if (type == "meta") record = decode_meta(r);
  else if (type == "repository") record = decode_repository(r);
  else if (type == "commit") record = decode_commit(r);
  else if (type == "pull_request") record = decode_pull_request(r);
  else if (type == "issue") record = decode_issue(r);
  else if (type == "release") record = decode_release(r);
  else
    return make_error("unknown type '" + type +
                      "' (expected meta, repository, commit, pull_request, issue or release)");
  if (!record) return record;
  INFRADIGEST_TRY(r.finish());
  return record;
}

OrderedJson encode(const Repository& repo) {
  OrderedJson j{{"type", "repository"}, {"full_name", repo.full_name}};
  put(j, "default_branch", repo.default_branch);
  return j;
}

OrderedJson encode(const Commit& c) {
  OrderedJson j{{"type", "commit"}, {"repo", c.repo}};
  put(j, "sha", c.sha);
  put(j, "parents", c.parents);
  put(j, "author", c.author);
  put(j, "committer", c.committer);
  put(j, "authored_at", c.authored_at);
  j["committed_at"] = c.committed_at.to_string();
  put(j, "landed_at", c.landed_at);
  j["message"] = c.message;
  if (c.files_listed || !c.files.empty()) {
    OrderedJson files = OrderedJson::array();
    for (const auto& f : c.files) {
      OrderedJson fj{{"filename", f.filename}};
      put(fj, "status", f.status);
      put(fj, "additions", f.additions);
      put(fj, "deletions", f.deletions);
      put(fj, "previous_filename", f.previous_filename);
      put(fj, "patch", f.patch);
      if (f.patch_truncated) fj["patch_truncated"] = true;  // absent means the whole patch (or none)
      files.push_back(std::move(fj));
    }
    j["files"] = std::move(files);
  }
  put(j, "pr", c.pr_number);
  if (c.pr_number && c.pr_link && *c.pr_link != PullLink::kGiven) j["pr_link"] = std::string(pull_link_name(*c.pr_link));
  return j;
}

OrderedJson encode(const PullRequest& p) {
  OrderedJson j{{"type", "pull_request"}, {"repo", p.repo}, {"number", p.number}, {"title", p.title}};
  put(j, "author", p.author);
  put(j, "state", p.state);
  put(j, "created_at", p.created_at);
  put(j, "merged_at", p.merged_at);
  put(j, "merge_commit_sha", p.merge_commit_sha);
  put(j, "labels", p.labels);
  put(j, "body", p.body);
  return j;
}

OrderedJson encode(const Issue& i) {
  OrderedJson j{{"type", "issue"}, {"repo", i.repo}, {"number", i.number}, {"title", i.title}};
  put(j, "author", i.author);
  put(j, "state", i.state);
  j["created_at"] = i.created_at.to_string();
  put(j, "labels", i.labels);
  put(j, "body", i.body);
  return j;
}

OrderedJson encode(const Release& r) {
  OrderedJson j{{"type", "release"}, {"repo", r.repo}, {"tag", r.tag}};
  put(j, "name", r.name);
  j["published_at"] = r.published_at.to_string();
  put(j, "prerelease", r.prerelease);
  put(j, "body", r.body);
  put(j, "pr", r.pr_number);
  return j;
}

}  // namespace infradigest
