#include "site/site_builder.h"

#include <fmt/format.h>

#include <filesystem>
#include <map>

#include "core/atomic_file.h"
#include "render/markdown_renderer.h"
#include "site/atom_feed.h"
#include "site/html_text.h"
#include "site/markdown_html.h"
#include "site/search_index.h"
#include "site/site_assets.h"
#include "site/site_manifest.h"
#include "site/site_pages.h"

namespace infradigest {

namespace {

namespace fs = std::filesystem;

// Everything one build needs, with each day's report loaded at most once.
class Build {
 public:
  Build(const std::vector<SiteDay>& days, const ReportLoader& load, const SiteOptions& o)
      : days_(days), load_(load), o_(o), manifest_(SiteManifest::load(o.out_dir, site_key())) {
    for (const auto& d : days) {
      digests_[d.digest.date] = &d.digest;
      by_date_[d.digest.date] = &d;
    }
  }

  Result<SiteSummary> run() {
    INFRADIGEST_TRY(put("assets/site.css", "1", [] { return Result<std::string>(std::string(site_css())); }));
    INFRADIGEST_TRY(put("assets/site.js", "1", [] { return Result<std::string>(std::string(site_js())); }));
    INFRADIGEST_TRY(day_pages());
    INFRADIGEST_TRY(repo_pages());
    INFRADIGEST_TRY(search());
    INFRADIGEST_TRY(feed());
    INFRADIGEST_TRY(index());
    INFRADIGEST_TRY(manifest_.save());
    summary_.days = static_cast<int>(days_.size());
    if (!days_.empty()) summary_.latest = days_.front().digest.date;
    return summary_;
  }

 private:
  // Every setting that shapes every page: a change rewrites the whole site.
  std::string site_key() const {
    std::string key = fmt::format("{}|{}|{}|{}", INFRADIGEST_VERSION, kSitePageFormat, language_code(o_.language),
                                  o_.base_url);
    for (const auto& r : o_.repos) key += "|" + r;
    return key;
  }

  Result<const LoadedDay*> day(SysDays date) {
    auto it = loaded_.find(date);
    if (it != loaded_.end()) return &it->second;
    auto report = load_(date);
    if (!report) return report.error().with_context("report " + format_date(date));
    std::string markdown = render_markdown(*report);
    return &loaded_.emplace(date, LoadedDay{std::move(report).value(), std::move(markdown)}).first->second;
  }

  // Writes `path` from `make()` unless the manifest says it is current for `key`.
  template <class Make>
  Status put(const std::string& path, const std::string& key, Make make) {
    if (!o_.rewrite_all && manifest_.current(path, key)) {
      ++summary_.kept;
      return {};
    }
    auto content = make();
    if (!content) return content.error();
    INFRADIGEST_TRY(write_file_atomically((fs::path(o_.out_dir) / path).string(), *content));
    manifest_.record(path, key);
    ++summary_.written;
    return {};
  }

  // The revisions of the days in [first, last]: a key that moves when any of them changes.
  std::string revisions(SysDays first, SysDays last) const {
    std::string key;
    for (auto it = by_date_.lower_bound(first); it != by_date_.end() && it->first <= last; ++it)
      key += fmt::format("{}:{};", format_date(it->first), it->second->revision);
    return key;
  }

  Status day_pages() {
    for (size_t i = 0; i < days_.size(); ++i) {
      const SysDays date = days_[i].digest.date;
      const SysDays* previous = i + 1 < days_.size() ? &days_[i + 1].digest.date : nullptr;
      const SysDays* next = i > 0 ? &days_[i - 1].digest.date : nullptr;
      const std::string key = fmt::format("{}|{}|{}", revisions(date - std::chrono::days{kHeatmapDays - 1}, date),
                                          previous ? format_date(*previous) : "", next ? format_date(*next) : "");
      INFRADIGEST_TRY(put(day_page_path(date), key, [&]() -> Result<std::string> {
        auto d = day(date);
        if (!d) return d.error();
        return render_day_page(**d, digests_, previous, next);
      }));
    }
    return {};
  }

  Status repo_pages() {
    const SysDays latest = days_.empty() ? SysDays{} : days_.front().digest.date;
    const SysDays first = latest - std::chrono::days{kActivityDays - 1};
    const std::string key = format_date(latest) + "|" + revisions(first, latest);
    for (const auto& repo : o_.repos) {
      INFRADIGEST_TRY(put("repos/" + repo_slug(repo) + ".html", key, [&]() -> Result<std::string> {
        std::vector<const LoadedDay*> shown;
        for (const auto& d : days_) {
          if (d.digest.date < first) break;
          if (!d.digest.repos.count(repo)) continue;
          auto loaded = day(d.digest.date);
          if (!loaded) return loaded.error();
          shown.push_back(*loaded);
        }
        return render_repo_page(repo, shown, digests_, latest, o_.language);
      }));
    }
    return {};
  }

  Status search() {
    std::map<std::string, std::vector<SysDays>, std::greater<>> months;  // newest first
    for (const auto& d : days_) months[search_shard_path(d.digest.date)].push_back(d.digest.date);
    std::vector<std::string> shards;
    for (const auto& month : months) {
      const std::string& path = month.first;
      const std::vector<SysDays>& dates = month.second;  // named: clang 14 cannot capture a structured binding
      shards.push_back(path);
      INFRADIGEST_TRY(put(path, revisions(dates.back(), dates.front()), [&]() -> Result<std::string> {
        std::vector<const Report*> reports;
        for (SysDays date : dates) {
          auto d = day(date);
          if (!d) return d.error();
          reports.push_back(&(*d)->report);
        }
        return render_search_shard_js(reports);
      }));
    }
    std::string key;
    for (const auto& s : shards) key += s + ";";
    return put("search.html", key, [&] { return Result<std::string>(render_search_page(shards, o_.language)); });
  }

  Status feed() {
    std::string key;
    const size_t n = std::min(days_.size(), kFeedEntries);
    for (size_t i = 0; i < n; ++i)
      key += fmt::format("{}:{}:{};", format_date(days_[i].digest.date), days_[i].revision,
                         days_[i].updated.time_since_epoch().count());
    return put("feed.xml", key, [&]() -> Result<std::string> {
      const bool zh = o_.language == Language::kZh;
      const auto& L = labels(o_.language);
      std::vector<FeedEntry> entries;
      for (size_t i = 0; i < n; ++i) {
        auto d = day(days_[i].digest.date);
        if (!d) return d.error();
        const Report& r = (*d)->report;
        entries.push_back(FeedEntry{r.window.date, std::string(L.title) + " · " + format_date(r.window.date),
                                    day_page_path(r.window.date), report_summary_line(r), markdown_to_html((*d)->markdown),
                                    days_[i].updated});
      }
      FeedOptions options{std::string(L.title),
                          zh ? "关注仓库每天在 GitHub 上的变化，每一条都链接到来源。"
                             : "What landed on GitHub each day in the watched repositories, every item linked.",
                          o_.base_url, o_.language};
      return render_atom_feed(options, entries);
    });
  }

  // Always written: it lists every day (from the digests alone) and shows the latest report.
  Status index() {
    const LoadedDay* latest = nullptr;
    if (!days_.empty()) {
      auto d = day(days_.front().digest.date);
      if (!d) return d.error();
      latest = *d;
    }
    std::vector<const DayDigest*> list;
    for (const auto& d : days_) list.push_back(&d.digest);
    INFRADIGEST_TRY(write_file_atomically((fs::path(o_.out_dir) / "index.html").string(),
                                          render_index_page(latest, list, digests_, o_.repos, o_.language)));
    ++summary_.written;
    return {};
  }

  const std::vector<SiteDay>& days_;
  const ReportLoader& load_;
  const SiteOptions& o_;
  SiteManifest manifest_;
  DigestsByDate digests_;
  std::map<SysDays, const SiteDay*> by_date_;
  std::map<SysDays, LoadedDay> loaded_;
  SiteSummary summary_;
};

}  // namespace

Result<SiteSummary> build_site(const std::vector<SiteDay>& days, const ReportLoader& load, const SiteOptions& options) {
  return Build(days, load, options).run();
}

}  // namespace infradigest
