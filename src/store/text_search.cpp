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

// One SELECT of the matching item ids (store/history_index.h) per table, over
// each item's searchable text; {0}..{3} are all_words_in(that text, n).
constexpr const char* kSubstringItemsSql = R"sql(
    SELECT id * 4 AS item FROM commits WHERE {0}
    UNION ALL
    SELECT id * 4 + 1 FROM pull_requests WHERE {1}
    UNION ALL
    SELECT id * 4 + 2 FROM issues WHERE {2}
    UNION ALL
    SELECT id * 4 + 3 FROM releases WHERE {3})sql";

// "text LIKE ? ESCAPE '\' AND text LIKE ? ESCAPE '\' ...": every word must occur.
std::string all_words_in(const std::string& text_expr, size_t words) {
  std::string out;
  for (size_t i = 1; i <= words; ++i) out += (i > 1 ? " AND " : "") + text_expr + " LIKE ? ESCAPE '\\'";
  return out;
}

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

std::string text_match_items_sql(const std::string& fts_query, std::vector<std::string>& params) {
  if (!is_substring_query(fts_query)) {
    params.push_back(fts_query);
    return "SELECT rowid AS item FROM search_fts WHERE search_fts MATCH ?";
  }
  std::vector<std::string> words;
  std::istringstream in(fts_query);
  for (std::string w; in >> w;) words.push_back(like_pattern(w));
  for (int table = 0; table < 4; ++table) params.insert(params.end(), words.begin(), words.end());
  const size_t n = words.size();
  return fmt::format(fmt::runtime(kSubstringItemsSql), all_words_in("message", n),
                     all_words_in("(title || ' ' || COALESCE(body, ''))", n),
                     all_words_in("(title || ' ' || COALESCE(body, ''))", n),
                     all_words_in("(tag || ' ' || COALESCE(name, '') || ' ' || COALESCE(body, ''))", n));
}

}  // namespace infradigest
