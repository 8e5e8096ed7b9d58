#include "store/text_search.h"

#include <fmt/format.h>

#include <sstream>
#include <vector>

#include "core/utf8_text.h"

namespace infradigest {

namespace {

bool uses_fts_syntax(const std::string& query) {
  if (query.find_first_of("\"*()^:+") != std::string::npos) return true;
  std::istringstream words(query);
  for (std::string w; words >> w;)
    if (w == "OR" || w == "AND" || w == "NOT" || w.rfind("NEAR", 0) == 0) return true;
  return false;
}

// FTS5's unicode61 tokenizer splits on spaces and punctuation only, so a run of
// Chinese is one token: "调优" never matches "的调优". Chinese titles are common
// in this report (and 2-character words are below the trigram tokenizer's
// minimum), so a plain-words query with CJK in it is answered by substring
// matching instead: every word must occur in the item's title or body.
bool is_substring_query(const std::string& query) { return has_cjk(query) && !uses_fts_syntax(query); }

std::string like_pattern(const std::string& word) {
  std::string out = "%";
  for (char c : word) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out + "%";
}

// Same row shape as kMatchSql, over each item's searchable text; "{}" is
// replaced by all_words_in("text", n).
constexpr const char* kSubstringSql = R"sql(
  WITH texts(source, repo, item_key, number, text) AS (
    SELECT 0, r.full_name, c.item_key, NULL, c.message
      FROM commits c JOIN repositories r ON r.id = c.repo_id
    UNION ALL
    SELECT 1, r.full_name, NULL, p.number, p.title || ' ' || COALESCE(p.body, '')
      FROM pull_requests p JOIN repositories r ON r.id = p.repo_id
    UNION ALL
    SELECT 2, r.full_name, NULL, i.number, i.title || ' ' || COALESCE(i.body, '')
      FROM issues i JOIN repositories r ON r.id = i.repo_id
    UNION ALL
    SELECT 3, r.full_name, x.tag, NULL, x.tag || ' ' || COALESCE(x.name, '') || ' ' || COALESCE(x.body, '')
      FROM releases x JOIN repositories r ON r.id = x.repo_id)
  SELECT source, repo, item_key, number FROM texts WHERE {}
)sql";

// "text LIKE ?1 ESCAPE '\' AND text LIKE ?2 ESCAPE '\' ...": every word must occur.
std::string all_words_in(const std::string& text_expr, size_t words) {
  std::string out;
  for (size_t i = 1; i <= words; ++i)
    out += (i > 1 ? " AND " : "") + text_expr + " LIKE ?" + std::to_string(i) + " ESCAPE '\\'";
  return out;
}

// The rowid of search_fts encodes its source row: id * 4 + table (schema step 5).
constexpr const char* kMatchSql = R"sql(
  WITH hits(rowid) AS (SELECT rowid FROM search_fts WHERE search_fts MATCH ?1)
  SELECT 0, r.full_name, c.item_key, NULL FROM hits
    JOIN commits c ON c.id = hits.rowid / 4 JOIN repositories r ON r.id = c.repo_id WHERE hits.rowid % 4 = 0
  UNION ALL
  SELECT 1, r.full_name, NULL, p.number FROM hits
    JOIN pull_requests p ON p.id = hits.rowid / 4 JOIN repositories r ON r.id = p.repo_id WHERE hits.rowid % 4 = 1
  UNION ALL
  SELECT 2, r.full_name, NULL, i.number FROM hits
    JOIN issues i ON i.id = hits.rowid / 4 JOIN repositories r ON r.id = i.repo_id WHERE hits.rowid % 4 = 2
  UNION ALL
  SELECT 3, r.full_name, x.tag, NULL FROM hits
    JOIN releases x ON x.id = hits.rowid / 4 JOIN repositories r ON r.id = x.repo_id WHERE hits.rowid % 4 = 3
)sql";

// What is wrong with a query SQLite's FTS5 rejected, in the user's terms:
// the database error names the SQL statement, which means nothing to them.
std::string fts_problem(const std::string& sqlite_message) {
  if (auto near = sqlite_message.find("syntax error near \""); near != std::string::npos) {
    const auto start = near + 19;
    const auto end = sqlite_message.find('"', start);
    const std::string token = sqlite_message.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (token.empty()) return "it ends too early (an OR, AND or NOT with nothing after it, or a '(' not closed)";
    return "syntax error near '" + token + "'";
  }
  if (sqlite_message.find("unterminated string") != std::string::npos) return "a '\"' is not closed";
  if (auto column = sqlite_message.find("no such column: "); column != std::string::npos)
    return "'" + sqlite_message.substr(column + 16) + ":' reads as a column filter; quote words with ':'";
  return "it is not a valid full-text query";
}

Error bad_query(const std::string& fts_query, const Error& cause) {
  return make_error("bad --text query '" + fts_query + "': " + fts_problem(cause.message) +
                    ". Use words, \"a phrase\", prefix*, OR, NOT; quote words with symbols, e.g. '\"sm_100\"'");
}

}  // namespace

Status check_text_query(Database& db, const std::string& fts_query) {
  if (is_substring_query(fts_query)) return {};  // plain words: nothing to parse
  auto st = db.prepare("SELECT rowid FROM search_fts WHERE search_fts MATCH ?1 LIMIT 1");
  if (!st) return st.error();
  st->bind(1, fts_query);
  if (auto row = st->step(); !row) return bad_query(fts_query, row.error());
  return {};
}

Result<TextMatches> search_text(Database& db, const std::string& fts_query) {
  std::vector<std::string> words;
  std::string sql = kMatchSql;
  if (is_substring_query(fts_query)) {
    std::istringstream in(fts_query);
    for (std::string w; in >> w;) words.push_back(like_pattern(w));
    sql = fmt::format(fmt::runtime(kSubstringSql), all_words_in("text", words.size()));
  }
  auto st = db.prepare(sql);
  if (!st) return st.error();
  if (words.empty()) st->bind(1, fts_query);
  for (size_t i = 0; i < words.size(); ++i) st->bind(static_cast<int>(i + 1), words[i]);
  TextMatches out;
  Status rows = st->for_each_row([&]() -> Status {
    const long long table = st->integer(0).value_or(-1);
    std::string repo = st->text_or_empty(1);
    if (table == 0) out.commits.emplace(std::move(repo), st->text_or_empty(2));
    if (table == 1) out.pull_requests.emplace(std::move(repo), static_cast<int>(st->integer(3).value_or(0)));
    if (table == 2) out.issues.emplace(std::move(repo), static_cast<int>(st->integer(3).value_or(0)));
    if (table == 3) out.releases.emplace(std::move(repo), st->text_or_empty(2));
    return {};
  });
  if (!rows) return bad_query(fts_query, rows.error());
  return out;
}

}  // namespace infradigest
