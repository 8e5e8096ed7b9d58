#include "store/day_report_store.h"

namespace infradigest {

namespace {

constexpr const char* kMetaColumns =
    "report_date, language, timezone, inputs, rules_version, producer, complete, synced_at, composed_at, revision, digest";

Result<DayReportMeta> read_meta(const SqlStatement& row) {
  DayReportMeta m;
  auto date = parse_date(row.text_or_empty(0));
  if (!date) return date.error().with_context("day_reports.report_date");
  m.date = *date;
  m.language = row.text_or_empty(1);
  m.timezone = row.text_or_empty(2);
  m.inputs = row.text_or_empty(3);
  m.rules_version = row.text_or_empty(4);
  m.producer = row.text_or_empty(5);
  m.complete = row.integer(6).value_or(0) != 0;
  if (auto synced = row.text(7)) {
    auto t = parse_timestamp(*synced);
    if (!t) return t.error().with_context("day_reports.synced_at");
    m.synced_at = t->instant;
  }
  auto composed = parse_timestamp(row.text_or_empty(8));
  if (!composed) return composed.error().with_context("day_reports.composed_at");
  m.composed_at = composed->instant;
  m.revision = static_cast<int>(row.integer(9).value_or(0));
  m.digest = row.text_or_empty(10);
  return m;
}

}  // namespace

Result<std::optional<StoredDayReport>> DayReportStore::find(SysDays date, std::string_view language) {
  auto stmt = db_.prepare(std::string("SELECT ") + kMetaColumns +
                          ", document FROM day_reports WHERE report_date = ?1 AND language = ?2");
  if (!stmt) return stmt.error();
  stmt->bind(1, format_date(date)).bind(2, std::string(language));
  auto row = stmt->step();
  if (!row) return row.error();
  if (!*row) return std::optional<StoredDayReport>{};
  auto meta = read_meta(*stmt);
  if (!meta) return meta.error();
  return std::optional<StoredDayReport>{StoredDayReport{std::move(*meta), stmt->text_or_empty(11)}};
}

Result<int> DayReportStore::save(const StoredDayReport& r) {
  auto tx = Transaction::begin(db_);
  if (!tx) return tx.error();
  auto old = db_.prepare(
      "SELECT revision, document, composed_at FROM day_reports WHERE report_date = ?1 AND language = ?2");
  if (!old) return old.error();
  old->bind(1, format_date(r.meta.date)).bind(2, r.meta.language);
  auto found = old->step();
  if (!found) return found.error();
  int revision = 1;
  std::string composed_at = format_rfc3339_utc(r.meta.composed_at);
  if (*found) {
    revision = static_cast<int>(old->integer(0).value_or(0));
    // The same document composed again keeps its revision and its time.
    if (old->text_or_empty(1) != r.document) ++revision;
    else composed_at = old->text_or_empty(2);
  }
  old->reset();
  auto put = db_.prepare(std::string("INSERT OR REPLACE INTO day_reports (") + kMetaColumns +
                         ", document) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)");
  if (!put) return put.error();
  std::optional<std::string> synced;
  if (r.meta.synced_at) synced = format_rfc3339_utc(*r.meta.synced_at);
  put->bind(1, format_date(r.meta.date))
      .bind(2, r.meta.language)
      .bind(3, r.meta.timezone)
      .bind(4, r.meta.inputs)
      .bind(5, r.meta.rules_version)
      .bind(6, r.meta.producer)
      .bind(7, r.meta.complete ? 1 : 0)
      .bind(8, synced)
      .bind(9, composed_at)
      .bind(10, revision)
      .bind(11, r.meta.digest)
      .bind(12, r.document);
  INFRADIGEST_TRY(put->run());
  INFRADIGEST_TRY(tx->commit());
  return revision;
}

Result<std::vector<DayReportMeta>> DayReportStore::list(std::string_view language) {
  auto stmt = db_.prepare(std::string("SELECT ") + kMetaColumns +
                          " FROM day_reports WHERE language = ?1 ORDER BY report_date DESC");
  if (!stmt) return stmt.error();
  stmt->bind(1, std::string(language));
  std::vector<DayReportMeta> out;
  INFRADIGEST_TRY(stmt->for_each_row([&]() -> Status {
    auto m = read_meta(*stmt);
    if (!m) return m.error();
    out.push_back(std::move(*m));
    return {};
  }));
  return out;
}

}  // namespace infradigest
