#include "site/svg_chart.h"

#include <fmt/format.h>

#include <algorithm>

#include "site/html_text.h"

namespace infradigest {

namespace {

// Okabe-Ito colours: distinguishable with colour-blindness, each >= 3:1
// against white (WCAG non-text contrast).
constexpr const char* kCommitColor = "#0072B2";
constexpr const char* kPrColor = "#007A5A";
constexpr const char* kIssueColor = "#C24E00";

// Rough rendered width of `text` at 13px: CJK characters are square, Latin about half.
int text_width(std::string_view text) {
  int width = 0;
  for (unsigned char c : text) {
    if (c < 0x80) width += 7;
    else if (c >= 0xE0) width += 13;  // lead byte of a 3-byte sequence (CJK)
  }
  return width;
}

std::string month_day(SysDays d) { return format_date(d).substr(5); }  // "02-26"

// A round axis maximum >= `max` (1, 2, 5 x 10^k).
int nice_max(int max) {
  if (max <= 1) return 1;
  for (int scale = 1;; scale *= 10)
    for (int m : {1, 2, 5})
      if (m * scale >= max) return m * scale;
}

// Every chart is drawn kChartWidth units wide and has no width or height of
// its own: the stylesheet scales it to its card's width (svg.chart in
// site_assets.cpp), and the viewBox keeps its proportions. At that width a
// 13-unit font shows at about 13-16 px in the widest card (56rem).
constexpr int kChartWidth = 720;

std::string svg_open(const std::string& id, int width, int height, const std::string& title,
                     const std::string& desc) {
  return fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 {w} {h}\" "
      "role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" "
      "font-family=\"system-ui, sans-serif\" font-size=\"13\">\n"
      "<title id=\"{id}-title\">{t}</title>\n<desc id=\"{id}-desc\">{d}</desc>\n",
      fmt::arg("w", width), fmt::arg("h", height), fmt::arg("id", html_escape(id)),
      fmt::arg("t", html_escape(title)), fmt::arg("d", html_escape(desc)));
}

}  // namespace

std::string activity_chart_svg(const std::string& id, const std::string& title,
                               const std::vector<ActivityPoint>& days, Language lang) {
  const bool zh = lang == Language::kZh;
  const char* names[3] = {zh ? "变更" : "changes", zh ? "合并的 PR" : "merged PRs", zh ? "新 issue" : "new issues"};
  const char* colors[3] = {kCommitColor, kPrColor, kIssueColor};
  constexpr int kWidth = kChartWidth, kHeight = 230, kLeft = 30, kRight = 6, kTop = 30, kBottom = 24;
  const int plot_w = kWidth - kLeft - kRight, plot_h = kHeight - kTop - kBottom;
  int max = 0, sums[3] = {0, 0, 0};
  for (const auto& p : days) {
    max = std::max({max, p.commits, p.prs, p.issues});
    sums[0] += p.commits;
    sums[1] += p.prs;
    sums[2] += p.issues;
  }
  const int top = nice_max(max);
  std::string desc =
      days.empty() ? std::string(zh ? "无数据" : "no data")
                   : fmt::format(fmt::runtime(zh ? "{} 至 {}：共 {} 项变更、{} 个合并的 PR、{} 个新 issue；单日最多 {}。"
                                                 : "{} to {}: {} changes, {} merged PRs, {} new issues in total; at most {} in a day."),
                                 format_date(days.front().date), format_date(days.back().date), sums[0], sums[1],
                                 sums[2], max);
  std::string out = svg_open(id, kWidth, kHeight, title, desc);
  // Legend.
  int x = kLeft;
  for (int s = 0; s < 3; ++s) {
    out += fmt::format("<rect x=\"{}\" y=\"8\" width=\"11\" height=\"11\" fill=\"{}\"/>"
                       "<text x=\"{}\" y=\"18\" fill=\"currentColor\">{}</text>\n",
                       x, colors[s], x + 15, html_escape(names[s]));
    x += 15 + text_width(names[s]) + 18;
  }
  // Axis and grid: 0, half, top.
  for (int k = 0; k <= 2; ++k) {
    const int value = top * k / 2;
    const double y = kTop + plot_h - static_cast<double>(plot_h) * value / top;
    out += fmt::format("<line x1=\"{}\" x2=\"{}\" y1=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"currentColor\" "
                       "stroke-opacity=\"0.2\"/><text x=\"{}\" y=\"{:.1f}\" text-anchor=\"end\" "
                       "fill=\"currentColor\">{}</text>\n",
                       kLeft, kWidth - kRight, y, y, kLeft - 4, y + 4, value);
  }
  if (days.empty()) return out + "</svg>\n";
  const double slot = static_cast<double>(plot_w) / static_cast<double>(days.size());
  const double bar = std::max(1.0, (slot - 2) / 3);
  for (size_t i = 0; i < days.size(); ++i) {
    const auto& p = days[i];
    const int values[3] = {p.commits, p.prs, p.issues};
    out += fmt::format("<g class=\"day\"><title>{}: {} {}, {} {}, {} {}</title>", format_date(p.date),
                       p.commits, names[0], p.prs, names[1], p.issues, names[2]);
    // A transparent hit area the height of the plot, so the day's tooltip
    // shows even on an empty day.
    out += fmt::format("<rect x=\"{:.1f}\" y=\"{}\" width=\"{:.1f}\" height=\"{}\" fill=\"transparent\"/>",
                       kLeft + slot * static_cast<double>(i), kTop, slot, plot_h);
    for (int s = 0; s < 3; ++s) {
      if (values[s] == 0) continue;
      const double h = static_cast<double>(plot_h) * values[s] / top;
      out += fmt::format("<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" fill=\"{}\"/>",
                         kLeft + slot * static_cast<double>(i) + 1 + bar * s, kTop + plot_h - h, bar, h, colors[s]);
    }
    out += "</g>\n";
    // Date labels: the last day and every 7th before it, and the first day
    // when it is not crowded by one of those.
    const size_t from_end = days.size() - 1 - i;
    // The last label ends at the plot's edge instead of overflowing it.
    if (from_end == 0)
      out += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"end\" fill=\"currentColor\">{}</text>\n",
                         kWidth - kRight, kHeight - 8, month_day(p.date));
    else if (from_end % 7 == 0 || (i == 0 && from_end % 7 >= 4))
      out += fmt::format("<text x=\"{:.1f}\" y=\"{}\" text-anchor=\"middle\" fill=\"currentColor\">{}</text>\n",
                         kLeft + slot * (static_cast<double>(i) + 0.5), kHeight - 8, month_day(p.date));
  }
  return out + "</svg>\n";
}

std::string tag_heatmap_svg(const std::string& id, const std::string& title, const std::vector<SysDays>& days,
                            const std::vector<HeatmapRow>& rows, Language lang) {
  const bool zh = lang == Language::kZh;
  constexpr int kLabel = 150, kMinCell = 44, kRow = 24, kTop = 24, kRight = 4;
  // The days share the chart's width; many days make it wider (the card scrolls).
  const int columns = static_cast<int>(std::max<size_t>(days.size(), 1));
  const int cell = std::max(kMinCell, (kChartWidth - kLabel - kRight) / columns);
  const int width = kLabel + cell * static_cast<int>(days.size()) + kRight;
  const int height = kTop + kRow * static_cast<int>(std::max<size_t>(rows.size(), 1)) + 4;
  int max = 0;
  std::string busiest;
  int busiest_total = -1;
  for (const auto& r : rows) {
    int total = 0;
    for (int c : r.counts) {
      max = std::max(max, c);
      total += c;
    }
    if (total > busiest_total) {
      busiest_total = total;
      busiest = r.label;
    }
  }
  std::string desc =
      rows.empty() || days.empty()
          ? std::string(zh ? "这段时间没有带标签的条目。" : "No tagged items in this period.")
          : fmt::format(fmt::runtime(zh ? "{} 至 {} 每天带各标签的条目数；{} 个标签，最活跃：{}（{} 项）。"
                                        : "Items per tag per day, {} to {}; {} tags, most active: {} ({} items)."),
                        format_date(days.front()), format_date(days.back()), rows.size(), busiest, busiest_total);
  std::string out = svg_open(id, width, height, title, desc);
  for (size_t d = 0; d < days.size(); ++d)
    out += fmt::format("<text x=\"{}\" y=\"16\" text-anchor=\"middle\" fill=\"currentColor\">{}</text>\n",
                       kLabel + cell * static_cast<int>(d) + cell / 2, month_day(days[d]));
  if (rows.empty())
    out += fmt::format("<text x=\"4\" y=\"{}\" fill=\"currentColor\">{}</text>\n", kTop + 16, html_escape(desc));
  for (size_t r = 0; r < rows.size(); ++r) {
    const int y = kTop + kRow * static_cast<int>(r);
    out += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"end\" fill=\"currentColor\">{} "
                       "<tspan fill-opacity=\"0.75\" font-size=\"11\">{}</tspan></text>\n",
                       kLabel - 8, y + 16, html_escape(rows[r].label), html_escape(rows[r].facet));
    for (size_t d = 0; d < days.size() && d < rows[r].counts.size(); ++d) {
      const int n = rows[r].counts[d];
      // Shade: 0 is a pale cell; otherwise 25%..100% of the blue, by share of the max.
      const double level = n == 0 || max == 0 ? 0.0 : 0.25 + 0.75 * n / max;
      const int x = kLabel + cell * static_cast<int>(d);
      out += fmt::format("<g><title>{} · {}: {}</title>", html_escape(rows[r].label), format_date(days[d]), n);
      if (n == 0)
        out += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"3\" fill=\"#8882\"/>", x + 1,
                           y + 1, cell - 2, kRow - 2);
      else
        out += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"3\" fill=\"#1D4ED8\" "
                           "fill-opacity=\"{:.2f}\"/>",
                           x + 1, y + 1, cell - 2, kRow - 2, level);
      if (n > 0)
        out += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" fill=\"{}\">{}</text>", x + cell / 2,
                           y + 16, level > 0.55 ? "#FFFFFF" : "currentColor", n);
      out += "</g>\n";
    }
  }
  return out + "</svg>\n";
}

}  // namespace infradigest
