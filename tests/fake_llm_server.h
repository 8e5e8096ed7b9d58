// A fake OpenAI-compatible endpoint for tests and the LLM benchmark: serves
// POST /v1/chat/completions on 127.0.0.1 (FakeHttpServer), records every
// request, and answers what a script says. The default script, echo(), is a
// well-behaved model: it writes grounded answers from the facts fenced in
// the prompt, so they pass verification. Header-only, so any test or bench
// binary can use it.
#pragma once

#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "fake_http_server.h"

namespace infradigest::testing {

// One request, as the script sees it.
struct LlmCall {
  size_t index = 0;  // 0-based arrival order
  nlohmann::json body;
  std::string model, system, user, authorization;
  bool day() const { return user.find("<<<NOTES") != std::string::npos || user.find("overview sections") != std::string::npos; }
  bool chinese() const { return system.find("Simplified Chinese") != std::string::npos; }
  bool has_schema() const { return body.contains("response_format") && body["response_format"].value("type", "") == "json_schema"; }
  // The fenced JSON lines between <<<NAME and NAME>>>.
  std::vector<nlohmann::json> fenced(const std::string& name) const {
    std::vector<nlohmann::json> out;
    const std::string open = "<<<" + name + "\n", close = name + ">>>";
    size_t at = user.find(open);
    if (at == std::string::npos) return out;
    at += open.size();
    const size_t end = user.find(close, at);
    while (at < end) {
      size_t nl = user.find('\n', at);
      if (nl == std::string::npos || nl > end) nl = end;
      auto j = nlohmann::json::parse(user.substr(at, nl - at), nullptr, false);
      if (!j.is_discarded()) out.push_back(j);
      at = nl + 1;
    }
    return out;
  }
  std::vector<nlohmann::json> facts() const { return fenced("FACTS"); }
  // The first fact whose title (or tag) contains `text`; null json when none.
  nlohmann::json fact_titled(const std::string& text) const {
    for (const auto& f : facts())
      if (f.value("title", "").find(text) != std::string::npos || f.value("tag", "") == text) return f;
    return nullptr;
  }
};

struct LlmReply {
  int status = 200;
  std::string content{};                // choices[0].message.content (status 2xx)
  std::string finish_reason = "stop";
  std::optional<std::string> body{};    // the whole body instead (errors, broken envelopes)
  std::vector<std::pair<std::string, std::string>> headers{};
  std::chrono::milliseconds delay{0};   // before the answer starts
  std::chrono::milliseconds trickle{0};  // > 0: the body goes out 8 bytes at a time, this far apart
};

using LlmScript = std::function<LlmReply(const LlmCall&)>;

namespace echo_detail {

inline std::string strip_end(std::string t) {
  for (const char* end : {"。", "."})
    if (t.size() >= std::string(end).size() && t.ends_with(end)) t.erase(t.size() - std::string(end).size());
  return t;
}

// Titles a careful model would quote as they are.
inline bool quotable(const std::string& t) {
  return !t.empty() && t.find('<') == std::string::npos && t.find("。") == std::string::npos &&
         std::count(t.begin(), t.end(), '`') % 2 == 0 && t.find("](") == std::string::npos &&
         t.find("@all") == std::string::npos && t.find("http") == std::string::npos;
}

// "Fix crash in X" -> "修复 crash in X": a crude but grounded rendering.
inline std::string render_title(const std::string& title) {
  static const std::vector<std::pair<std::string, std::string>> kVerbs = {
      {"Fixed", "修复"}, {"Fixes", "修复"}, {"Fix", "修复"}, {"fix", "修复"}, {"Added", "添加"}, {"Add", "添加"},
      {"Support", "支持"}, {"Removed", "移除"}, {"Remove", "移除"}, {"Updated", "更新"}, {"Update", "更新"},
      {"Use", "使用"}, {"Enable", "启用"}, {"Disable", "禁用"}, {"Refactor", "重构"}, {"Improve", "改进"},
      {"Optimize", "优化"}, {"Allow", "允许"}, {"Revert", "回滚"}, {"Implement", "实现"}, {"Bump", "升级"},
      {"Migrate", "迁移"}, {"Corrected", "修正"}};
  std::string prefix, rest = title;
  while (!rest.empty() && rest[0] == '[') {  // keep "[AMD] " prefixes as they are
    size_t close = rest.find(']');
    if (close == std::string::npos) break;
    size_t next = rest.find_first_not_of(' ', close + 1);
    prefix += rest.substr(0, close + 1) + " ";
    rest = next == std::string::npos ? "" : rest.substr(next);
  }
  for (const auto& [en, zh] : kVerbs)
    if (rest.starts_with(en + " ") || rest.starts_with(en + ":")) return prefix + zh + rest.substr(en.size());
  return prefix + "变更：" + rest;
}

inline nlohmann::json sentence(std::string text, std::vector<std::string> cites) {
  return nlohmann::json{{"text", std::move(text)}, {"cites", std::move(cites)}};
}

inline std::vector<std::string> title_ids(const LlmCall& call) {
  std::vector<std::string> ids;
  if (call.has_schema()) {
    const auto& props = call.body["response_format"]["json_schema"]["schema"]["properties"];
    if (props.contains("titles")) return props["titles"]["items"]["properties"]["id"]["enum"].get<std::vector<std::string>>();
    return ids;
  }
  // Without a schema, from the task line: `- "titles": for each of F3, F4, the ...`
  const std::string marker = "\"titles\": for each of ";
  size_t at = call.user.find(marker);
  if (at == std::string::npos) return ids;
  at += marker.size();
  while (at < call.user.size() && call.user[at] == 'F') {
    size_t end = call.user.find_first_of(", ", at);
    ids.push_back(call.user.substr(at, end - at));
    at = call.user.find('F', end);
    if (call.user.compare(end, 6, ", the ") == 0) break;
  }
  return ids;
}

inline nlohmann::json repo_answer(const LlmCall& call) {
  const bool zh = call.chinese();
  nlohmann::json analysis = nlohmann::json::array();
  std::vector<nlohmann::json> items;
  for (const auto& f : call.facts()) {
    const std::string type = f.value("type", "");
    if (type == "repo_counts") {
      std::string text = f["repo"].get<std::string>() + (zh ? " 今日有 " : " landed ") + std::to_string(f["commits"].get<int>()) +
                         (zh ? " 个提交" : " commits");
      if (f["new_issues"].get<int>() > 0)
        text += (zh ? "、" : ", ") + std::to_string(f["new_issues"].get<int>()) + (zh ? " 个新 issue" : " new issues");
      if (f["releases"].get<int>() > 0)
        text += (zh ? "、" : ", ") + std::to_string(f["releases"].get<int>()) + (zh ? " 个发布" : " releases");
      analysis.push_back(sentence(text + (zh ? "。" : "."), {f["id"]}));
    } else if ((type == "commit" || type == "pull_request") && quotable(f.value("title", "")) && items.size() < 2) {
      items.push_back(f);
    }
  }
  if (!items.empty()) {
    const std::string repo = items.front()["repo"];
    std::string text = zh ? repo + " 的改动包括" : "Changes in " + repo + " include ";
    std::vector<std::string> cites;
    for (size_t k = 0; k < items.size(); ++k) {
      if (k) text += zh ? "和" : " and ";
      text += (zh ? "「" : "\"") + strip_end(items[k]["title"].get<std::string>()) + (zh ? "」" : "\"");
      cites.push_back(items[k]["id"]);
    }
    analysis.push_back(sentence(text + (zh ? "。" : "."), cites));
  }
  nlohmann::json answer{{"analysis", analysis}};
  auto ids = title_ids(call);
  if (!ids.empty() || call.user.find("\"titles\"") != std::string::npos) {
    nlohmann::json titles = nlohmann::json::array();
    for (const auto& f : call.facts())
      if (std::find(ids.begin(), ids.end(), f["id"].get<std::string>()) != ids.end())
        titles.push_back({{"id", f["id"]}, {"title", render_title(strip_end(f["title"].get<std::string>()))}});
    answer["titles"] = titles;
  }
  return answer;
}

inline nlohmann::json day_answer(const LlmCall& call) {
  const bool zh = call.chinese();
  auto facts = call.facts();
  nlohmann::json summary = nlohmann::json::array(), outlook = nlohmann::json::array(), impact = nlohmann::json::array();
  std::string day_id;
  const auto notes = call.fenced("NOTES");
  for (const auto& f : facts) {
    if (f.value("type", "") != "day") continue;
    day_id = f["id"];
    if (!notes.empty()) continue;  // the report opens with the counts: only say them when there is nothing else
    auto n = [&](const char* k) { return std::to_string(f[k].get<int>()); };
    summary.push_back(sentence(zh ? "今日 " + n("watched_repos") + " 个关注仓库中 " + n("active_repos") + " 个有更新，共 " +
                                        n("commits") + " 个提交、" + n("new_issues") + " 个新 issue、" + n("releases") + " 个发布。"
                                  : n("active_repos") + " of " + n("watched_repos") + " watched repositories moved: " +
                                        n("commits") + " commits, " + n("new_issues") + " new issues, " + n("releases") + " releases.",
                               {day_id}));
  }
  // Per repo (at most 5), the note that cites most.
  std::vector<std::pair<std::string, nlohmann::json>> best;
  for (const auto& note : notes) {
    auto it = std::find_if(best.begin(), best.end(), [&](const auto& b) { return b.first == note["repo"]; });
    if (it == best.end()) {
      if (best.size() < 5) best.emplace_back(note["repo"], note);
    } else if (note["cites"].size() > it->second["cites"].size()) {
      it->second = note;
    }
  }
  for (const auto& [repo, note] : best) summary.push_back(sentence(note["text"], note["cites"]));
  auto theme = [&](const std::string& key, auto pick, auto say) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& f : facts)
      if (list.size() < 2 && (f.value("type", "") == "commit" || f.value("type", "") == "pull_request") &&
          quotable(f.value("title", "")) && pick(f))
        list.push_back(sentence(say(f), {f["id"]}));
    if (!list.empty()) impact.push_back({{"theme", key}, {"sentences", list}});
  };
  auto q = [&](const nlohmann::json& f) {
    return f["repo"].get<std::string>() + (zh ? " 的「" : " \"") + strip_end(f["title"].get<std::string>()) + (zh ? "」" : "\"");
  };
  static const std::vector<std::string> kHardware = {"Blackwell", "Hopper", "AMD", "Ascend NPU", "CPU", "Ampere"};
  auto hardware_tag = [&](const nlohmann::json& f) -> std::string {
    for (const auto& t : f.value("tags", nlohmann::json::array()))
      if (std::find(kHardware.begin(), kHardware.end(), t.get<std::string>()) != kHardware.end()) return t;
    return "";
  };
  theme("hardware", [&](const nlohmann::json& f) { return !hardware_tag(f).empty(); },
        [&](const nlohmann::json& f) { return q(f) + (zh ? "涉及 " + hardware_tag(f) + " 平台。" : " concerns " + hardware_tag(f) + "."); });
  theme("performance", [](const nlohmann::json& f) { return f.value("kind", "") == "perf"; },
        [&](const nlohmann::json& f) { return q(f) + (zh ? "带来性能优化。" : " improves performance."); });
  theme("reliability", [](const nlohmann::json& f) { return f.value("kind", "") == "fix"; },
        [&](const nlohmann::json& f) { return q(f) + (zh ? "修复了问题，可靠性得到改善。" : " fixes a problem."); });
  for (const auto& f : facts) {
    if (outlook.size() >= 4) break;
    if (f.value("type", "") == "issue" && f.value("kind", "") == "bug" && quotable(f.value("title", "")))
      outlook.push_back(sentence(f["repo"].get<std::string>() + (zh ? " 新报告缺陷「" : " has a new bug report \"") +
                                     strip_end(f["title"].get<std::string>()) + (zh ? "」。" : "\"."),
                                 {f["id"]}));
    if (f.value("type", "") == "release")
      outlook.push_back(sentence(f["repo"].get<std::string>() + (zh ? " 发布了 " : " released ") + f["tag"].get<std::string>() +
                                     (zh ? "。" : "."),
                                 {f["id"]}));
  }
  if (outlook.empty())
    outlook.push_back(sentence(zh ? "今日没有需要特别关注的缺陷报告或发布。" : "Nothing in particular to watch today.", {day_id}));
  return nlohmann::json{{"summary", summary}, {"impact", impact}, {"outlook", outlook}};
}

}  // namespace echo_detail

// What a well-behaved model answers: grounded sentences from the prompt's facts.
inline std::string echo_content(const LlmCall& call) {
  return (call.day() ? echo_detail::day_answer(call) : echo_detail::repo_answer(call)).dump();
}
inline LlmReply echo(const LlmCall& call) { return LlmReply{.content = echo_content(call)}; }

// A plausible liar: it cites real facts and states no number, SHA, link or
// file name, but invents effects, severity, scope, defaults, opinions,
// predictions and advice, and "translates" titles into claims they do not
// make. Every sentence it writes must be rejected.
inline const std::vector<std::string>& liar_sentences(bool zh) {
  static const std::vector<std::string> kZh = {
      "该改动显著提升了所有 GPU 上的解码吞吐，并修复了一个严重的内存泄漏。",
      "这一优化大幅降低了推理延迟。",
      "此修复彻底解决了多卡场景下的死锁问题。",
      "该变更默认启用了新的调度策略。",
      "这是今天最重要的更新，值得社区关注。",
      "预计该功能将在下个版本中带来更好的体验。",
      "建议所有用户尽快升级。",
      "该提交引入了不兼容的接口变化。",
      "这些改动让推理更加安全可靠，不再崩溃。"};
  static const std::vector<std::string> kEn = {
      "This change significantly improves decode throughput on all GPUs and fixes a severe memory leak.",
      "The fix completely resolves deadlocks in multi-GPU runs.",
      "It enables the new scheduler by default.",
      "This is the most important update of the day and the community will welcome it.",
      "Users should upgrade right away.",
      "The commit introduces a breaking API change.",
      "These changes make inference faster and more accurate."};
  return zh ? kZh : kEn;
}

inline std::string liar_title(bool zh) { return zh ? "修复严重的内存泄漏问题" : "Fix a critical memory leak on all GPUs"; }

inline LlmReply plausible_liar(const LlmCall& call) {
  const bool zh = call.chinese();
  const auto& lies = liar_sentences(zh);
  std::vector<std::string> items;  // real fact ids: the commits, PRs and issues of the prompt
  for (const auto& f : call.facts())
    if (f.value("type", "") == "commit" || f.value("type", "") == "pull_request" || f.value("type", "") == "issue")
      items.push_back(f["id"]);
  if (items.empty())
    for (const auto& f : call.facts()) items.push_back(f["id"]);
  auto lie = [&](size_t k) { return echo_detail::sentence(lies[k % lies.size()], {items[k % items.size()]}); };
  nlohmann::json answer;
  if (call.day()) {
    answer = {{"summary", {lie(call.index), lie(call.index + 1)}},
              {"impact", {{{"theme", "performance"}, {"sentences", {lie(call.index + 2)}}},
                          {{"theme", "reliability"}, {"sentences", {lie(call.index + 3)}}}}},
              {"outlook", {lie(call.index + 4), lie(call.index + 5)}}};
  } else {
    answer = {{"analysis", {lie(call.index), lie(call.index + 6)}}};
    nlohmann::json titles = nlohmann::json::array();
    for (const auto& id : echo_detail::title_ids(call)) titles.push_back({{"id", id}, {"title", liar_title(zh)}});
    if (!titles.empty()) answer["titles"] = titles;
  }
  return LlmReply{.content = answer.dump()};
}

// The JSON body of a chat completion carrying `content`.
inline std::string completion_body(const std::string& model, const std::string& content, const std::string& finish_reason,
                                   long long prompt_tokens) {
  nlohmann::json body{{"id", "chatcmpl-fake"},
                      {"object", "chat.completion"},
                      {"model", model},
                      {"choices", nlohmann::json::array({nlohmann::json{
                                      {"index", 0},
                                      {"message", nlohmann::json{{"role", "assistant"}, {"content", content}}},
                                      {"finish_reason", finish_reason}}})},
                      {"usage", nlohmann::json{{"prompt_tokens", prompt_tokens},
                                               {"completion_tokens", static_cast<long long>(content.size() / 4)},
                                               {"total_tokens", prompt_tokens + static_cast<long long>(content.size() / 4)}}}};
  return body.dump();
}

class FakeLlmServer {
 public:
  explicit FakeLlmServer(LlmScript script = echo) : script_(std::move(script)) {
    server_.post("/v1/chat/completions", [this](const httplib::Request& req, httplib::Response& res) { answer(req, res); });
    server_.start();
  }

  std::string base_url() const { return server_.base_url() + "/v1"; }
  size_t request_count() const { return server_.request_count(); }
  std::vector<RecordedRequest> requests() const { return server_.requests(); }
  // Most requests that were being answered at the same time.
  int max_in_flight() const { return max_in_flight_.load(); }

 private:
  void answer(const httplib::Request& req, httplib::Response& res) {
    int now = ++in_flight_;
    for (int seen = max_in_flight_.load(); now > seen && !max_in_flight_.compare_exchange_weak(seen, now);) {
    }
    LlmCall call;
    call.index = next_++;
    call.body = nlohmann::json::parse(req.body, nullptr, false);
    call.authorization = req.get_header_value("Authorization");
    if (call.body.is_object()) {
      call.model = call.body.value("model", "");
      for (const auto& m : call.body.value("messages", nlohmann::json::array())) {
        if (m.value("role", "") == "system") call.system = m.value("content", "");
        if (m.value("role", "") == "user") call.user = m.value("content", "");
      }
    }
    LlmReply reply = script_(call);
    if (reply.delay.count() > 0) std::this_thread::sleep_for(reply.delay);
    res.status = reply.status;
    for (const auto& [k, v] : reply.headers) res.set_header(k, v);
    std::string body = reply.body ? *reply.body
                                  : completion_body(call.model, reply.content, reply.finish_reason,
                                                    static_cast<long long>(req.body.size() / 4));
    if (reply.trickle.count() > 0) {
      const auto pause = reply.trickle;
      res.set_content_provider(body.size(), "application/json",
                               [body, pause](size_t offset, size_t, httplib::DataSink& sink) {
                                 std::this_thread::sleep_for(pause);
                                 return sink.write(body.data() + offset, std::min<size_t>(8, body.size() - offset));
                               });
    } else {
      res.set_content(body, "application/json");
    }
    --in_flight_;
  }

  LlmScript script_;
  FakeHttpServer server_;
  std::atomic<size_t> next_{0};
  std::atomic<int> in_flight_{0}, max_in_flight_{0};
};

}  // namespace infradigest::testing
