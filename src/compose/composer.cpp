#include "compose/composer.h"

#include "compose/code_changes.h"
#include "compose/repo_sections.h"

namespace infradigest {

Report compose_report(const Activity& day, const ReportWindow& window,
                      const std::vector<std::string>& watchlist, Language language,
                      const std::vector<std::string>& unsynced) {
  Report report;
  report.window = window;
  report.language = language;
  report.incomplete_repos = unsynced;
  report.repos = build_repo_sections(day, window, watchlist);
  for (auto& s : report.repos)
    for (auto& i : s.items) i.code_change = code_change_line(i, language);
  for (const auto& s : report.repos) {
    for (const auto& i : s.items) report.date_only_items += i.date_only ? 1 : 0;
    report.total_items += static_cast<int>(s.items.size() + s.issues.size() + s.releases.size());
  }
  for (const auto& i : day.issues) report.date_only_items += i.created_at.date_only() ? 1 : 0;
  for (const auto& r : day.releases) report.date_only_items += r.published_at.date_only() ? 1 : 0;
  report.dependency_updates = find_dependency_updates(report, day);
  report.figures = compose_figures(report, day);
  LinkLedger ledger;
  report.summary = compose_summary(report, ledger);
  report.impact = compose_impact(report, ledger);
  report.outlook = compose_outlook(report, ledger);
  return report;
}

const ReportItem* find_report_item(const Report& report, std::string_view id, std::string* repo) {
  for (const auto& s : report.repos)
    for (const auto& i : s.items)
      if (i.id == id) {
        if (repo) *repo = s.full_name;
        return &i;
      }
  return nullptr;
}

}  // namespace infradigest
