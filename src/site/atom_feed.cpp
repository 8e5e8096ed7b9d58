#include "site/atom_feed.h"

#include <openssl/evp.h>

#include <fmt/format.h>

#include <algorithm>

#include "site/html_text.h"

namespace infradigest {

namespace {

std::string absolute(const FeedOptions& o, const std::string& path) {
  if (o.base_url.empty()) return path;
  return o.base_url + (o.base_url.ends_with("/") ? "" : "/") + path;
}

std::string entry_id(const FeedOptions& o, const FeedEntry& e) {
  if (!o.base_url.empty()) return absolute(o, e.path);
  return name_based_urn(fmt::format("infradigest:report:{}:{}", language_code(o.language), format_date(e.date)));
}

}  // namespace

std::string name_based_urn(std::string_view name) {
  // RFC 4122 section 4.3, with the URL namespace 6ba7b811-9dad-11d1-80b4-00c04fd430c8.
  static const unsigned char kNamespace[16] = {0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1,
                                               0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8};
  std::string input(reinterpret_cast<const char*>(kNamespace), sizeof kNamespace);
  input.append(name);
  unsigned char hash[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(input.data(), input.size(), hash, &length, EVP_sha1(), nullptr);
  hash[6] = static_cast<unsigned char>((hash[6] & 0x0F) | 0x50);
  hash[8] = static_cast<unsigned char>((hash[8] & 0x3F) | 0x80);
  std::string hex;
  for (int i = 0; i < 16; ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) hex += '-';
    hex += fmt::format("{:02x}", hash[i]);
  }
  return "urn:uuid:" + hex;
}

std::string render_atom_feed(const FeedOptions& o, const std::vector<FeedEntry>& entries) {
  SysSeconds updated{};
  for (const auto& e : entries) updated = std::max(updated, e.updated);
  std::string out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n";
  out += fmt::format("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n",
                     html_escape(html_lang(o.language)));
  out += fmt::format("  <id>{}</id>\n",
                     html_escape(o.base_url.empty()
                                     ? name_based_urn(fmt::format("infradigest:feed:{}", language_code(o.language)))
                                     : absolute(o, "")));
  out += fmt::format("  <title type=\"text\">{}</title>\n", html_escape(o.title));
  if (!o.subtitle.empty()) out += fmt::format("  <subtitle type=\"text\">{}</subtitle>\n", html_escape(o.subtitle));
  out += fmt::format("  <updated>{}</updated>\n", format_rfc3339_utc(updated));
  out += "  <author><name>infradigest</name></author>\n";
  out += fmt::format("  <generator version=\"{}\">infradigest</generator>\n", INFRADIGEST_VERSION);
  out += fmt::format("  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n",
                     html_escape(absolute(o, "feed.xml")));
  out += fmt::format("  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
                     html_escape(absolute(o, "index.html")));
  for (const auto& e : entries) {
    out += "  <entry>\n";
    out += fmt::format("    <id>{}</id>\n", html_escape(entry_id(o, e)));
    out += fmt::format("    <title type=\"text\">{}</title>\n", html_escape(e.title));
    out += fmt::format("    <updated>{}</updated>\n", format_rfc3339_utc(e.updated));
    out += fmt::format("    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
                       html_escape(absolute(o, e.path)));
    if (!e.summary.empty()) out += fmt::format("    <summary type=\"text\">{}</summary>\n", html_escape(e.summary));
    // No control characters survive escaping; XML 1.0 forbids them anyway.
    out += fmt::format("    <content type=\"html\">{}</content>\n", html_escape_lines(e.content_html));
    out += "  </entry>\n";
  }
  out += "</feed>\n";
  return out;
}

}  // namespace infradigest
