#include "site/site_manifest.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/atomic_file.h"

namespace infradigest {

namespace {

constexpr const char* kFileName = ".infradigest-site.json";

std::string manifest_path(const std::string& out_dir) { return (std::filesystem::path(out_dir) / kFileName).string(); }

}  // namespace

SiteManifest SiteManifest::load(const std::string& out_dir, const std::string& site_key) {
  SiteManifest m;
  m.out_dir_ = out_dir;
  m.site_key_ = site_key;
  std::ifstream in(manifest_path(out_dir), std::ios::binary);
  if (!in) return m;
  std::ostringstream text;
  text << in.rdbuf();
  const auto j = nlohmann::json::parse(text.str(), nullptr, false);
  if (!j.is_object() || j.value("site", "") != site_key || !j.contains("files") || !j.at("files").is_object()) return m;
  for (const auto& [path, key] : j.at("files").items())
    if (key.is_string()) m.keys_[path] = key.get<std::string>();
  return m;
}

bool SiteManifest::current(const std::string& path, const std::string& key) const {
  auto it = keys_.find(path);
  return it != keys_.end() && it->second == key && std::filesystem::exists(std::filesystem::path(out_dir_) / path);
}

Status SiteManifest::save() const {
  nlohmann::json files = nlohmann::json::object();
  for (const auto& [path, key] : keys_) files[path] = key;
  return write_file_atomically(manifest_path(out_dir_),
                               nlohmann::json{{"site", site_key_}, {"files", files}}.dump(1) + "\n");
}

}  // namespace infradigest
