#include "store/history_index.h"

#include <nlohmann/json.hpp>

namespace infradigest {

namespace {

Status history_prepare_once(Database& db, std::optional<SqlStatement>& st, const char* sql) {
  if (st) return {};
  auto prepared = db.prepare(sql);
  if (!prepared) return prepared.error();
  st.emplace(std::move(*prepared));
  return {};
}

}  // namespace

Result<std::string> HistoryIndex::classifier_version() {
  auto st = db_.prepare("SELECT version FROM history_classifier LIMIT 1");
  if (!st) return st.error();
  auto row = st->step();
  if (!row) return row.error();
  return *row ? st->text_or_empty(0) : std::string();
}

Status HistoryIndex::reclassify_all(const std::string& version) {
  auto st = db_.prepare("INSERT INTO history_classifier(version) VALUES (?1)");
  if (!st) return st.error();
  INFRADIGEST_TRY(db_.exec(R"sql(
    DELETE FROM history_classifier;
    INSERT OR IGNORE INTO history_pending SELECT id * 4 FROM commits;
    INSERT OR IGNORE INTO history_pending SELECT id * 4 + 1 FROM pull_requests;
    INSERT OR IGNORE INTO history_pending SELECT id * 4 + 2 FROM issues;
    INSERT OR IGNORE INTO history_pending SELECT id * 4 + 3 FROM releases;
    INSERT OR IGNORE INTO history_pending SELECT item FROM history_items;)sql"));
  return st->bind(1, version).run();
}

Result<bool> HistoryIndex::has_pending() {
  auto st = db_.prepare("SELECT EXISTS (SELECT 1 FROM history_pending)");
  if (!st) return st.error();
  auto row = st->step();
  if (!row) return row.error();
  return st->integer(0).value_or(0) != 0;
}

Result<std::vector<long long>> HistoryIndex::pending() {
  auto st = db_.prepare("SELECT item FROM history_pending ORDER BY item");
  if (!st) return st.error();
  std::vector<long long> out;
  INFRADIGEST_TRY(st->for_each_row([&]() -> Status {
    out.push_back(st->integer(0).value_or(0));
    return {};
  }));
  return out;
}

Status HistoryIndex::put(const HistoryIndexRow& r) {
  INFRADIGEST_TRY(remove(r.item));
  INFRADIGEST_TRY(history_prepare_once(db_, put_, R"sql(
    INSERT INTO history_items(item, repo, type, kind, at, fact_id, title, url, sha, number, release_tag,
                              importance, tags)
    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13))sql"));
  INFRADIGEST_TRY(history_prepare_once(db_, put_tag_, R"sql(
    INSERT OR IGNORE INTO history_tags(tag, at, item, repo, type, kind, number, fact_id)
    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8))sql"));
  put_->bind(1, r.item).bind(2, r.repo).bind(3, r.type).bind(4, r.kind).bind(5, r.at).bind(6, r.fact_id);
  put_->bind(7, r.title).bind(8, r.url).bind(9, r.sha).bind(10, r.number).bind(11, r.release_tag);
  put_->bind_real(12, r.importance).bind(13, nlohmann::json(r.tags).dump());
  INFRADIGEST_TRY(put_->run());
  for (const auto& tag : r.tags) {
    put_tag_->bind(1, tag).bind(2, r.at).bind(3, r.item).bind(4, r.repo).bind(5, r.type).bind(6, r.kind);
    INFRADIGEST_TRY(put_tag_->bind(7, r.number).bind(8, r.fact_id).run());
  }
  return {};
}

Status HistoryIndex::remove(long long item) {
  INFRADIGEST_TRY(history_prepare_once(db_, drop_, "DELETE FROM history_items WHERE item = ?1"));
  INFRADIGEST_TRY(history_prepare_once(db_, drop_tags_, "DELETE FROM history_tags WHERE item = ?1"));
  INFRADIGEST_TRY(history_prepare_once(db_, unqueue_, "DELETE FROM history_pending WHERE item = ?1"));
  INFRADIGEST_TRY(drop_->bind(1, item).run());
  INFRADIGEST_TRY(drop_tags_->bind(1, item).run());
  return unqueue_->bind(1, item).run();
}

Result<std::optional<HistoryIndexRow>> HistoryIndex::row(long long item) {
  INFRADIGEST_TRY(history_prepare_once(db_, row_, R"sql(
    SELECT repo, type, kind, at, fact_id, title, url, sha, number, release_tag, importance, tags
    FROM history_items WHERE item = ?1)sql"));
  row_->bind(1, item);
  auto found = row_->step();
  if (!found) return found.error();
  if (!*found) {
    row_->reset();
    return std::optional<HistoryIndexRow>{};
  }
  HistoryIndexRow r;
  r.item = item;
  r.repo = row_->text_or_empty(0);
  r.type = row_->text_or_empty(1);
  r.kind = row_->text_or_empty(2);
  r.at = row_->text_or_empty(3);
  r.fact_id = row_->text_or_empty(4);
  r.title = row_->text_or_empty(5);
  r.url = row_->text_or_empty(6);
  r.sha = row_->text(7);
  if (auto n = row_->integer(8)) r.number = static_cast<int>(*n);
  r.release_tag = row_->text(9);
  r.importance = row_->real(10).value_or(0);
  r.tags = nlohmann::json::parse(row_->text_or_empty(11)).get<std::vector<std::string>>();
  row_->reset();
  return std::optional<HistoryIndexRow>{std::move(r)};
}

}  // namespace infradigest
