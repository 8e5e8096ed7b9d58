#include "github/github_json.h"

#include "github/text_sanitizer.h"

namespace infradigest {

namespace {

using nlohmann::json;

// j[a][b]... or nullptr when any step is missing, null or not an object.
const json* at(const json& j, std::initializer_list<const char*> path) {
  const json* cur = &j;
  for (const char* key : path) {
    if (!cur->is_object()) return nullptr;
    auto it = cur->find(key);
    if (it == cur->end() || it->is_null()) return nullptr;
    cur = &*it;
  }
  return cur;
}

std::optional<std::string> text_at(const json& j, std::initializer_list<const char*> path) {
  const json* v = at(j, path);
  if (!v || !v->is_string()) return std::nullopt;
  return sanitize_api_text(v->get<std::string>());
}

std::optional<std::string> nonempty(std::optional<std::string> s) {
  if (s && s->empty()) return std::nullopt;
  return s;
}

std::optional<int> int_at(const json& j, const char* key) {
  const json* v = at(j, {key});
  if (!v || !v->is_number_integer()) return std::nullopt;
  long long n = v->get<long long>();
  if (n < 0 || n > 2147483647) return std::nullopt;
  return static_cast<int>(n);
}

Result<std::optional<Timestamp>> time_at(const json& j, std::initializer_list<const char*> path, const char* name) {
  const json* v = at(j, path);
  if (!v) return std::optional<Timestamp>{};
  if (!v->is_string()) return make_error(std::string("'") + name + "' is not a time");
  auto t = parse_timestamp(v->get<std::string>());
  if (!t) return t.error().with_context(std::string("'") + name + "'");
  return std::optional<Timestamp>{*t};
}

std::vector<std::string> label_names(const json& j) {
  std::vector<std::string> out;
  const json* labels = at(j, {"labels"});
  if (!labels || !labels->is_array()) return out;
  // The schema allows a label as an object with a name or as its plain name.
  for (const auto& l : *labels) {
    auto name = l.is_string() ? std::optional<std::string>(sanitize_api_text(l.get<std::string>())) : text_at(l, {"name"});
    if (name && !name->empty()) out.push_back(*name);
  }
  return out;
}

std::optional<std::string> body_excerpt(const json& j, const char* key, size_t max_bytes) {
  auto body = nonempty(text_at(j, {key}));
  if (!body) return std::nullopt;
  return utf8_excerpt(*body, max_bytes);
}

Result<int> number_of(const json& j, const char* what) {
  auto n = int_at(j, "number");
  if (!n || *n <= 0) return make_error(std::string(what) + " without a valid 'number'");
  return *n;
}

Result<std::string> title_of(const json& j, const std::string& what) {
  auto t = text_at(j, {"title"});
  if (!t) return make_error(what + " has no 'title'");
  return *t;
}

}  // namespace

Result<std::optional<Timestamp>> optional_json_time(const json& j, const char* key) { return time_at(j, {key}, key); }

Result<std::vector<FileChange>> files_from_json(const json& files) {
  std::vector<FileChange> out;
  if (!files.is_array()) return make_error("'files' is not an array");
  for (const auto& f : files) {
    auto name = text_at(f, {"filename"});
    if (!name || name->empty()) return make_error("a file entry has no 'filename'");
    FileChange change{*name, nonempty(text_at(f, {"status"})), int_at(f, "additions"), int_at(f, "deletions"),
                      nonempty(text_at(f, {"previous_filename"}))};
    change.patch = nonempty(text_at(f, {"patch"}));  // absent for binary files and very large diffs
    out.push_back(std::move(change));
  }
  return out;
}

Result<Commit> commit_from_json(const std::string& repo, const json& j) {
  Commit c;
  c.repo = repo;
  auto sha = text_at(j, {"sha"});
  if (!sha || !is_full_sha(*sha)) return make_error("a commit without a valid 'sha'");
  c.sha = *sha;
  const std::string what = "commit " + sha->substr(0, 12);
  if (const json* parents = at(j, {"parents"}); parents && parents->is_array()) {
    for (const auto& p : *parents) {
      auto psha = text_at(p, {"sha"});
      if (!psha || !is_full_sha(*psha)) return make_error(what + ": a parent without a valid 'sha'");
      c.parents.push_back(*psha);
    }
  }
  c.author = nonempty(text_at(j, {"author", "login"}));
  if (!c.author) c.author = nonempty(text_at(j, {"commit", "author", "name"}));
  c.committer = nonempty(text_at(j, {"committer", "login"}));
  if (!c.committer) c.committer = nonempty(text_at(j, {"commit", "committer", "name"}));
  auto authored = time_at(j, {"commit", "author", "date"}, "commit.author.date");
  if (!authored) return authored.error().with_context(what);
  c.authored_at = *authored;
  auto committed = time_at(j, {"commit", "committer", "date"}, "commit.committer.date");
  if (!committed) return committed.error().with_context(what);
  if (!*committed) return make_error(what + ": no 'commit.committer.date'");
  c.committed_at = **committed;
  auto message = text_at(j, {"commit", "message"});
  if (!message) return make_error(what + ": no 'commit.message'");
  c.message = *message;
  c.pr_number = pr_number_from_title(c.title());
  if (c.pr_number) c.pr_link = PullLink::kTitle;
  if (const json* files = at(j, {"files"})) {
    auto parsed = files_from_json(*files);
    if (!parsed) return parsed.error().with_context(what);
    c.files = std::move(*parsed);
    c.files_listed = true;
  }
  return c;
}

Result<PullRequest> pull_request_from_json(const std::string& repo, const json& j) {
  PullRequest p;
  p.repo = repo;
  auto number = number_of(j, "a pull request");
  if (!number) return number.error();
  p.number = *number;
  const std::string what = "pull request #" + std::to_string(p.number);
  auto title = title_of(j, what);
  if (!title) return title.error();
  p.title = *title;
  p.author = nonempty(text_at(j, {"user", "login"}));
  auto created = time_at(j, {"created_at"}, "created_at");
  if (!created) return created.error().with_context(what);
  p.created_at = *created;
  auto merged = time_at(j, {"merged_at"}, "merged_at");
  if (!merged) return merged.error().with_context(what);
  p.merged_at = *merged;
  p.state = p.merged_at ? std::optional<std::string>("merged") : nonempty(text_at(j, {"state"}));
  if (auto sha = text_at(j, {"merge_commit_sha"}); sha && is_full_sha(*sha)) p.merge_commit_sha = *sha;
  p.labels = label_names(j);
  p.body = body_excerpt(j, "body", kBodyExcerptBytes);
  return p;
}

bool is_pull_request(const json& issue) { return at(issue, {"pull_request"}) != nullptr; }

Result<Issue> issue_from_json(const std::string& repo, const json& j) {
  Issue i;
  i.repo = repo;
  auto number = number_of(j, "an issue");
  if (!number) return number.error();
  i.number = *number;
  const std::string what = "issue #" + std::to_string(i.number);
  auto title = title_of(j, what);
  if (!title) return title.error();
  i.title = *title;
  i.author = nonempty(text_at(j, {"user", "login"}));
  i.state = nonempty(text_at(j, {"state"}));
  auto created = time_at(j, {"created_at"}, "created_at");
  if (!created) return created.error().with_context(what);
  if (!*created) return make_error(what + ": no 'created_at'");
  i.created_at = **created;
  i.labels = label_names(j);
  i.body = body_excerpt(j, "body", kBodyExcerptBytes);
  return i;
}

bool is_published_release(const json& j) {
  const json* draft = at(j, {"draft"});
  return !(draft && draft->is_boolean() && draft->get<bool>()) && at(j, {"published_at"}) != nullptr;
}

Result<Release> release_from_json(const std::string& repo, const json& j) {
  Release r;
  r.repo = repo;
  auto tag = nonempty(text_at(j, {"tag_name"}));
  if (!tag) return make_error("a release without 'tag_name'");
  r.tag = *tag;
  const std::string what = "release " + r.tag;
  r.name = nonempty(text_at(j, {"name"}));
  auto published = time_at(j, {"published_at"}, "published_at");
  if (!published) return published.error().with_context(what);
  if (!*published) return make_error(what + ": not published (a draft)");
  r.published_at = **published;
  if (const json* pre = at(j, {"prerelease"}); pre && pre->is_boolean()) r.prerelease = pre->get<bool>();
  r.body = body_excerpt(j, "body", kReleaseNotesExcerptBytes);
  return r;
}

}  // namespace infradigest
