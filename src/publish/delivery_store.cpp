#include "publish/delivery_store.h"

#include <nlohmann/json.hpp>

namespace infradigest {

namespace {

const char* status_text(DeliveryStatus s) {
  switch (s) {
    case DeliveryStatus::kPending: return "pending";
    case DeliveryStatus::kDelivered: return "delivered";
    case DeliveryStatus::kFailed: return "failed";
  }
  return "pending";
}

DeliveryStatus parse_status(const std::string& s) {
  if (s == "delivered") return DeliveryStatus::kDelivered;
  if (s == "failed") return DeliveryStatus::kFailed;
  return DeliveryStatus::kPending;
}

}  // namespace

Result<std::vector<StoredPiece>> DeliveryStore::load(SysDays date, const std::string& target) {
  auto stmt = db_.prepare(
      "SELECT piece, pieces, content, status, attempts FROM deliveries "
      "WHERE report_date = ?1 AND target = ?2 ORDER BY piece");
  if (!stmt) return stmt.error();
  stmt->bind(1, format_date(date)).bind(2, target);
  std::vector<StoredPiece> out;
  while (true) {
    auto row = stmt->step();
    if (!row) return row.error();
    if (!*row) break;
    StoredPiece p;
    p.piece.index = static_cast<int>(stmt->integer(0).value_or(0));
    p.piece.count = static_cast<int>(stmt->integer(1).value_or(0));
    auto content = nlohmann::json::parse(stmt->text_or_empty(2), nullptr, false);
    if (content.is_discarded() || !content.is_object())
      return make_error("deliveries: unreadable content of " + format_date(date) + " " + target + " piece " +
                        std::to_string(p.piece.index));
    p.piece.title = content.value("title", "");
    p.piece.lines = content.value("lines", std::vector<std::string>{});
    p.status = parse_status(stmt->text_or_empty(3));
    p.attempts = static_cast<int>(stmt->integer(4).value_or(0));
    out.push_back(std::move(p));
  }
  return out;
}

Status DeliveryStore::save_plan(SysDays date, const std::string& target, std::string_view type,
                                const std::vector<ChatPiece>& pieces, SysSeconds now) {
  auto tx = Transaction::begin(db_);
  if (!tx) return tx.error();
  auto del = db_.prepare("DELETE FROM deliveries WHERE report_date = ?1 AND target = ?2");
  if (!del) return del.error();
  INFRADIGEST_TRY(del->bind(1, format_date(date)).bind(2, target).run());
  auto ins = db_.prepare(
      "INSERT INTO deliveries (report_date, target, target_type, piece, pieces, content, status, attempts, planned_at) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'pending', 0, ?7)");
  if (!ins) return ins.error();
  for (const auto& p : pieces) {
    const std::string content =
        nlohmann::json{{"title", p.title}, {"lines", p.lines}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    ins->reset();
    INFRADIGEST_TRY(ins->bind(1, format_date(date))
                        .bind(2, target)
                        .bind(3, std::string(type))
                        .bind(4, p.index)
                        .bind(5, p.count)
                        .bind(6, content)
                        .bind(7, format_rfc3339_utc(now))
                        .run());
  }
  return tx->commit();
}

Status DeliveryStore::mark_delivered(SysDays date, const std::string& target, int piece, int attempts, SysSeconds now) {
  auto stmt = db_.prepare(
      "UPDATE deliveries SET status = ?1, attempts = ?2, delivered_at = ?3, last_error = NULL "
      "WHERE report_date = ?4 AND target = ?5 AND piece = ?6");
  if (!stmt) return stmt.error();
  return stmt->bind(1, status_text(DeliveryStatus::kDelivered))
      .bind(2, attempts)
      .bind(3, format_rfc3339_utc(now))
      .bind(4, format_date(date))
      .bind(5, target)
      .bind(6, piece)
      .run();
}

Status DeliveryStore::mark_failed(SysDays date, const std::string& target, int piece, int attempts,
                                  const std::string& error) {
  auto stmt = db_.prepare(
      "UPDATE deliveries SET status = ?1, attempts = ?2, last_error = ?3 "
      "WHERE report_date = ?4 AND target = ?5 AND piece = ?6");
  if (!stmt) return stmt.error();
  return stmt->bind(1, status_text(DeliveryStatus::kFailed))
      .bind(2, attempts)
      .bind(3, error)
      .bind(4, format_date(date))
      .bind(5, target)
      .bind(6, piece)
      .run();
}

}  // namespace infradigest
