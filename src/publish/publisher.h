// Chat delivery of a day's report to every configured webhook target.
//
// Per target: plan the pieces once (stored, see delivery_store.h), then send
// the pieces not yet delivered, in order, paced under the platform's rate
// limit. A piece is retried (bounded) only when retrying can help: HTTP 429,
// 5xx, a platform's "too fast" code, or a transient transport error; waits
// honour Retry-After. A piece that fails stops its target (later pieces must
// not arrive before it); other targets go on. Webhook URLs and secrets are
// read from the environment variables the config names, at send time, and
// appear in no log, error or database row.
#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "document/report.h"
#include "config/config.h"
#include "core/clock.h"
#include "core/secret_scrubber.h"
#include "core/result.h"
#include "net/http_client.h"
#include "store/database.h"

namespace infradigest {

struct WebhookTarget {
  std::string name;        // unique; default: the type
  std::string type;        // feishu | dingtalk | wecom | slack | json
  std::string url_env;     // NAME of the variable holding the URL
  std::string secret_env;  // NAME of the variable holding the signing secret; may be empty
  // What the target gets: the digest (render/chat_digest.h; the default) or
  // the whole report ("full").
  bool full_report = false;
};

// The [[publish.webhook]] entries of a loaded config.
std::vector<WebhookTarget> webhook_targets(const Config& config);

enum class PublishMode : int { kSend = 0, kDryRun = 1 };

struct PublishOptions {
  PublishMode mode = PublishMode::kSend;
  bool resend = false;    // forget the day's delivery state first: everything is sent again
  int max_attempts = 4;   // per piece and run
  std::chrono::milliseconds max_wait{60'000};  // longest single wait (Retry-After is capped)
  std::string day_page_url;  // the day's page on the published site, linked from the digest; may be empty
};

struct TargetOutcome {
  std::string target;
  int pieces = 0;
  int sent = 0;     // delivered by this run
  int skipped = 0;  // delivered by an earlier run
  std::optional<Error> error;
};

class Publisher {
 public:
  // `log` gets one line per piece (stderr in the CLI). `dry_run_out` gets the
  // planned request bodies, unsigned, one JSON per line. `secrets` (copied):
  // the configured secrets, scrubbed from errors, stored errors and bodies on
  // top of each target's own URL and signing secret.
  Publisher(Database& db, HttpClient& http, Clock& clock, GetEnv getenv, std::ostream& log,
            const SecretScrubber* secrets = nullptr);

  std::vector<TargetOutcome> publish(const Report& report, const std::string& markdown,
                                     const std::vector<WebhookTarget>& targets, const PublishOptions& options,
                                     std::ostream& dry_run_out);

 private:
  TargetOutcome publish_one(const Report& report, const std::string& markdown, const WebhookTarget& target,
                            const PublishOptions& options, std::ostream& dry_run_out);
  Database& db_;
  HttpClient& http_;
  Clock& clock_;
  GetEnv getenv_;
  std::ostream& log_;
  SecretScrubber secrets_;
};

}  // namespace infradigest
