// Looking a report's items up by fact id in O(log n): composing a day asks
// for items once per cite, and a day of a thousand repositories holds tens of
// thousands of items.
#pragma once

#include <map>
#include <string>
#include <string>
#include <string_view>
#include <utility>

#include "document/report.h"

namespace infradigest {

class ReportItemIndex {
 public:
  // Holds pointers into `report`, which must outlive the index and not change.
  explicit ReportItemIndex(const Report& report);

  // The commit/PR item with fact id `id`, or nullptr; `repo` receives its repo.
  const ReportItem* find(std::string_view id, std::string* repo = nullptr) const;
  // The item commit `sha` of `repo` is part of (one of its `shas`), or nullptr:
  // a PR's branch commits have no item of their own.
  const ReportItem* find_commit(const std::string& repo, const std::string& sha) const;

 private:
  std::map<std::pair<std::string, std::string>, const ReportItem*> by_commit_;
  std::map<std::string_view, std::pair<const ReportItem*, const std::string*>, std::less<>> items_;
};

}  // namespace infradigest
