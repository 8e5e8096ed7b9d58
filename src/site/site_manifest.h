// What a site folder holds and what each generated file was made from: a key
// per file, kept in DIR/.infradigest-site.json. A rebuild writes only the
// files whose key changed (or that are missing), so the daily run's cost does
// not grow with the archive. A manifest of another site (language, program
// version, watchlist, base URL) counts as empty: everything is written again.
#pragma once

#include <map>
#include <string>

#include "core/result.h"

namespace infradigest {

class SiteManifest {
 public:
  // `site_key` names the settings every page depends on. A missing or
  // unreadable manifest, or one with another site_key, loads empty.
  static SiteManifest load(const std::string& out_dir, const std::string& site_key);

  // True when `path` (relative to the site root) was written from `key` and still exists.
  bool current(const std::string& path, const std::string& key) const;
  void record(const std::string& path, const std::string& key) { keys_[path] = key; }
  // Written atomically, last, after the files it describes.
  Status save() const;

 private:
  std::string out_dir_;
  std::string site_key_;
  std::map<std::string, std::string> keys_;
};

}  // namespace infradigest
