#include "publish/publisher.h"

#include "core/utf8_text.h"

#include <fmt/format.h>

#include <algorithm>
#include <ostream>

#include "publish/chat_markup.h"
#include "publish/delivery_store.h"
#include "publish/message_splitter.h"
#include "publish/signing.h"
#include "publish/webhook_platform.h"
#include "render/chat_digest.h"

namespace infradigest {

namespace {

using std::chrono::milliseconds;

// How much of a failure reply is kept (in logs and deliveries.last_error);
// clipped only after scrubbing, so no secret is cut where the scrubber misses it.
constexpr size_t kErrorChars = 300;

SysSeconds to_seconds(WallTime t) { return std::chrono::floor<std::chrono::seconds>(t); }

// A chat body carries no configured secret either (a commit title could quote one).
ChatPiece scrubbed(ChatPiece piece, const SecretScrubber& secrets) {
  if (secrets.empty()) return piece;
  for (auto& line : piece.lines) line = secrets.scrub(line);
  return piece;
}

}  // namespace

std::vector<WebhookTarget> webhook_targets(const Config& config) {
  std::vector<WebhookTarget> out;
  for (const auto& t : config.publish.webhooks) {
    const std::string type = t.string_or("type");
    out.push_back({t.string_or("name", type), type, t.string_or("url_env"), t.string_or("secret_env"),
                   t.string_or("content", "digest") == "full"});
  }
  return out;
}

Publisher::Publisher(Database& db, HttpClient& http, Clock& clock, GetEnv getenv, std::ostream& log,
                     const SecretScrubber* secrets)
    : db_(db), http_(http), clock_(clock), getenv_(std::move(getenv)), log_(log) {
  if (secrets) secrets_.add_all(*secrets);
}

std::vector<TargetOutcome> Publisher::publish(const Report& report, const std::string& markdown,
                                              const std::vector<WebhookTarget>& targets,
                                              const PublishOptions& options, std::ostream& dry_run_out) {
  std::vector<TargetOutcome> out;
  for (const auto& t : targets) out.push_back(publish_one(report, markdown, t, options, dry_run_out));
  return out;
}

TargetOutcome Publisher::publish_one(const Report& report, const std::string& markdown, const WebhookTarget& target,
                                     const PublishOptions& options, std::ostream& dry_run_out) {
  TargetOutcome outcome;
  outcome.target = target.name;
  const std::string who = fmt::format("{} webhook '{}'", target.type, target.name);
  auto fail = [&](std::string message) {
    outcome.error = make_error(who + ": " + message);
    return outcome;
  };
  auto platform = make_webhook_platform(target.type);
  if (!platform) return fail("unknown type");
  const SysDays date = report.window.date;
  const std::string title = std::string(labels(report.language).title) + " · " + format_date(date);

  // Plan: the stored one, else a new split of today's report.
  DeliveryStore store(db_);
  std::vector<StoredPiece> plan;
  if (options.mode == PublishMode::kSend && !options.resend) {
    auto stored = store.load(date, target.name);
    if (!stored) return fail(stored.error().message);
    plan = std::move(stored).value();
  }
  if (plan.empty()) {
    const std::string body = target.full_report ? markdown : render_chat_digest(report, options.day_page_url);
    auto pieces = split_into_pieces(*platform, title, platform->render_lines(parse_chat_lines(body), body));
    if (options.mode == PublishMode::kDryRun) {
      // Each body under a label naming where and which piece it would go:
      // "# feishu infra-team 1/3". What a real run would lack is a warning.
      for (size_t i = 0; i < pieces.size(); ++i)
        dry_run_out << fmt::format("# {} {} {}/{}\n", target.type, target.name, i + 1, pieces.size())
                    << platform->body(pieces[i], "", std::chrono::seconds(0)) << "\n";
      for (const auto& [variable, key] : {std::pair{target.url_env, "url_env"}, std::pair{target.secret_env, "secret_env"}})
        if (auto value = getenv_(variable); !variable.empty() && (!value || value->empty()))
          log_ << "infradigest: warning: " << who << ": environment variable " << variable << " (its " << key
               << ") is not set; sending would fail\n";
      outcome.pieces = static_cast<int>(pieces.size());
      return outcome;
    }
    if (auto s = store.save_plan(date, target.name, target.type, pieces, to_seconds(clock_.now())); !s)
      return fail(s.error().message);
    for (auto& p : pieces) plan.push_back(StoredPiece{std::move(p), DeliveryStatus::kPending, 0});
  }
  outcome.pieces = static_cast<int>(plan.size());
  if (std::all_of(plan.begin(), plan.end(), [](const StoredPiece& p) { return p.status == DeliveryStatus::kDelivered; })) {
    outcome.skipped = outcome.pieces;
    log_ << "infradigest: " << who << ": " << format_date(date) << " already delivered (" << outcome.pieces
         << " piece" << (outcome.pieces == 1 ? "" : "s") << ")\n";
    return outcome;
  }

  // Secrets, read only now and only from the environment.
  auto url = getenv_(target.url_env);
  if (!url || url->empty()) return fail(fmt::format("environment variable {} (its url_env) is not set", target.url_env));
  std::string secret;
  if (!target.secret_env.empty()) {
    auto s = getenv_(target.secret_env);
    if (!s || s->empty())
      return fail(fmt::format("environment variable {} (its secret_env) is not set", target.secret_env));
    secret = *s;
  }
  // Every text about this target passes one scrubber: the configured secrets,
  // this webhook's URL parts and secret, and each signed request URL.
  SecretScrubber scrubber = secrets_;
  scrubber.add_url(*url);
  scrubber.add_secret(secret);

  std::optional<WallTime> last_sent;
  for (auto& stored : plan) {
    const ChatPiece& piece = stored.piece;
    const std::string which = fmt::format("piece {}/{}", piece.index, piece.count);
    if (stored.status == DeliveryStatus::kDelivered) {
      ++outcome.skipped;
      continue;
    }
    std::string last_error;
    bool delivered = false, hopeless = false;
    int tries = 0;
    for (int attempt = 1; attempt <= options.max_attempts && !delivered && !hopeless; ++attempt) {
      // Pace: at most one message per min_interval to this webhook.
      if (last_sent) {
        const auto since = std::chrono::duration_cast<milliseconds>(clock_.now() - *last_sent);
        if (since < platform->min_interval()) clock_.sleep_for(platform->min_interval() - since);
      }
      const auto now = clock_.now();
      HttpRequest request;
      request.method = "POST";
      request.url = platform->url(*url, secret, std::chrono::duration_cast<milliseconds>(now.time_since_epoch()));
      request.headers = {{"Content-Type", "application/json; charset=utf-8"}};
      scrubber.add_url(request.url);  // DingTalk's per-request sign and timestamp
      request.body = platform->body(scrubbed(piece, secrets_), secret, std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()));
      request.display = "POST " + who;  // the URL is a secret
      request.timeouts.total = milliseconds(30'000);
      ++tries;
      auto response = http_.send(request);
      last_sent = clock_.now();
      std::optional<milliseconds> wait;
      if (!response) {
        last_error = clip_utf8(scrubber.scrub(response.error().message), kErrorChars);
        if (!response.error().transient()) hopeless = true;
      } else {
        Reply reply = platform->judge(*response);
        if (reply.verdict == ReplyVerdict::kDelivered) {
          delivered = true;
          break;
        }
        last_error = clip_utf8(scrubber.scrub(fmt::format("POST {}: {}", who, reply.detail)), kErrorChars);
        if (reply.verdict == ReplyVerdict::kFailed) hopeless = true;
        wait = reply.retry_after;
      }
      if (hopeless || attempt == options.max_attempts) break;
      // Back off: Retry-After when given, else 1 s, 2 s, 4 s ... (capped).
      const milliseconds backoff = wait.value_or(milliseconds(1000LL << (attempt - 1)));
      log_ << "infradigest: " << who << ": " << which << ": " << last_error << "; retrying in "
           << std::min(backoff, options.max_wait).count() << " ms\n";
      clock_.sleep_for(std::min(backoff, options.max_wait));
    }
    const int attempts = stored.attempts + tries;
    if (delivered) {
      if (auto s = store.mark_delivered(date, target.name, piece.index, attempts, to_seconds(clock_.now())); !s)
        return fail(s.error().message);
      ++outcome.sent;
      log_ << "infradigest: " << who << ": " << format_date(date) << " " << which << " delivered\n";
      continue;
    }
    (void)store.mark_failed(date, target.name, piece.index, attempts, last_error);
    outcome.error = make_error(fmt::format("{}: {} not delivered: {}", who, which, last_error));
    return outcome;  // later pieces wait: they must not arrive before this one
  }
  return outcome;
}

}  // namespace infradigest
