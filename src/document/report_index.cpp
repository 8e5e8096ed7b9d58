#include "document/report_index.h"

namespace infradigest {

ReportItemIndex::ReportItemIndex(const Report& report) {
  for (const auto& s : report.repos)
    for (const auto& i : s.items) {
      items_.emplace(i.id, std::pair{&i, &s.full_name});
      for (const auto& sha : i.shas) by_commit_.emplace(std::pair{s.full_name, sha}, &i);
    }
}

const ReportItem* ReportItemIndex::find_commit(const std::string& repo, const std::string& sha) const {
  auto it = by_commit_.find({repo, sha});
  return it == by_commit_.end() ? nullptr : it->second;
}

const ReportItem* ReportItemIndex::find(std::string_view id, std::string* repo) const {
  auto it = items_.find(id);
  if (it == items_.end()) return nullptr;
  if (repo) *repo = *it->second.second;
  return it->second.first;
}

}  // namespace infradigest
