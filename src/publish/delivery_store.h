// Delivery state of chat messages, per report day x target x piece (the
// `deliveries` table, docs/schema.md). The first publish of a day to a target
// stores its plan — every piece as it will be sent — so a re-run resends
// exactly the pieces not yet delivered, even if the report changed meanwhile.
// No URL or secret is ever stored: pieces are unsigned content.
#pragma once

#include <string>
#include <vector>

#include "core/result.h"
#include "core/timestamp.h"
#include "publish/webhook_platform.h"
#include "store/database.h"

namespace infradigest {

enum class DeliveryStatus : int { kPending = 0, kDelivered = 1, kFailed = 2 };

struct StoredPiece {
  ChatPiece piece;
  DeliveryStatus status = DeliveryStatus::kPending;
  int attempts = 0;
};

class DeliveryStore {
 public:
  explicit DeliveryStore(Database& db) : db_(db) {}

  // The stored plan, in piece order; empty when the day was never planned for `target`.
  Result<std::vector<StoredPiece>> load(SysDays date, const std::string& target);
  // Stores a new plan (all pending), replacing any plan of (date, target). One transaction.
  Status save_plan(SysDays date, const std::string& target, std::string_view type,
                   const std::vector<ChatPiece>& pieces, SysSeconds now);
  Status mark_delivered(SysDays date, const std::string& target, int piece, int attempts, SysSeconds now);
  // `error` must already be free of secrets.
  Status mark_failed(SysDays date, const std::string& target, int piece, int attempts, const std::string& error);

 private:
  Database& db_;
};

}  // namespace infradigest
