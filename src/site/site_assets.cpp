#include "site/site_assets.h"

namespace infradigest {

std::string_view site_css() {
  return R"css(:root {
  color-scheme: light dark;
  --fg: #1b1f24; --muted: #57606a; --bg: #ffffff; --panel: #f6f8fa; --line: #d0d7de; --link: #0a58ca;
  --mark: #fff3b0;
}
@media (prefers-color-scheme: dark) {
  :root { --fg: #e6edf3; --muted: #9da7b3; --bg: #0d1117; --panel: #161b22; --line: #30363d; --link: #6cb6ff; --mark: #3d3000; }
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0; color: var(--fg); background: var(--bg); line-height: 1.65; font-size: 16px;
  font-family: system-ui, -apple-system, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Noto Sans CJK SC",
    "WenQuanYi Micro Hei", "Microsoft YaHei", sans-serif;
  overflow-wrap: anywhere;
}
a { color: var(--link); }
a:focus-visible, input:focus-visible, select:focus-visible, button:focus-visible { outline: 3px solid var(--link); outline-offset: 2px; }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 1rem; top: .5rem; background: var(--bg); padding: .25rem .5rem; }
header.site { border-bottom: 1px solid var(--line); background: var(--panel); }
header.site nav, main, footer { max-width: 56rem; margin: 0 auto; padding: 0 1rem; }
header.site nav { display: flex; flex-wrap: wrap; gap: .25rem 1.25rem; align-items: center; padding-top: .6rem; padding-bottom: .6rem; }
header.site .brand { font-weight: 700; color: var(--fg); text-decoration: none; margin-right: auto; }
main { padding-top: 1rem; padding-bottom: 2rem; }
h1 { font-size: 1.6rem; line-height: 1.3; margin: .5rem 0 1rem; }
h2 { font-size: 1.3rem; border-bottom: 1px solid var(--line); padding-bottom: .2rem; margin-top: 2rem; }
h3 { font-size: 1.1rem; margin-top: 1.5rem; }
h4 { font-size: 1rem; }
blockquote { margin: 1rem 0; padding: .25rem 1rem; border-left: 4px solid var(--line); color: var(--muted); }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .9em; background: var(--panel); padding: .1em .3em; border-radius: 4px; }
ul { padding-left: 1.3rem; }
li { margin: .2rem 0; }
/* The item a link (a search hit) landed on. */
li[id] { scroll-margin-top: 4rem; }
li:target { background: var(--mark); outline: .3rem solid var(--mark); border-radius: 2px; }
table { border-collapse: collapse; display: block; overflow-x: auto; max-width: 100%; }
th, td { border: 1px solid var(--line); padding: .3rem .6rem; text-align: left; }
.muted, .meta { color: var(--muted); }
.meta { font-size: .9rem; }
figure.chart-box { margin: 1rem 0; padding: .75rem; background: var(--panel); border: 1px solid var(--line); border-radius: 8px; overflow-x: auto; }
figure.chart-box figcaption { font-weight: 600; margin-bottom: .4rem; }
/* A chart is as wide as its card (the SVG has a viewBox and no size of its
   own); below 30rem it keeps that width, so its text stays legible, and the
   card scrolls. */
svg.chart { display: block; width: 100%; min-width: 30rem; height: auto; color: var(--fg); }
/* A scrolling activity card opens at its newest days (the right end). */
figure.chart-box.newest-right { direction: rtl; }
figure.chart-box.newest-right > * { direction: ltr; }
ol.days, ul.repos { list-style: none; padding: 0; }
ol.days li, ul.repos li { display: flex; flex-wrap: wrap; gap: .2rem 1rem; padding: .35rem 0; border-bottom: 1px solid var(--line); }
.pager { display: flex; justify-content: space-between; gap: 1rem; margin: 2rem 0 0; }
form.search { display: flex; gap: .5rem; flex-wrap: wrap; margin: 1rem 0; }
form.search input { flex: 1 1 14rem; font: inherit; padding: .45rem .6rem; border: 1px solid var(--line); border-radius: 6px; background: var(--bg); color: var(--fg); }
button, select { font: inherit; padding: .4rem .8rem; border: 1px solid var(--line); border-radius: 6px; background: var(--panel); color: var(--fg); }
#results li { margin: .5rem 0; }
footer { color: var(--muted); font-size: .85rem; padding-bottom: 2rem; }
[hidden] { display: none !important; }
@media (max-width: 600px) {
  body { font-size: 15px; }
  h1 { font-size: 1.35rem; }
}
/* Printing a day: the report on white paper, without navigation or search. */
@media print {
  :root { --fg: #000; --muted: #333; --bg: #fff; --panel: #fff; --line: #999; --link: #000; --mark: #fff; }
  body { font-size: 11pt; line-height: 1.45; }
  header.site, .skip, form.search, #search-status, .pager { display: none !important; }
  main, footer { max-width: none; padding: 0; }
  a { text-decoration: underline; }
  h1, h2, h3, h4 { break-after: avoid; }
  figure.chart-box, table, li { break-inside: avoid; }
  figure.chart-box { overflow: visible; }
  svg.chart { min-width: 0; }
  table { display: table; }
}
)css";
}

std::string_view site_js() {
  // Builds result rows with textContent only: index text never becomes markup.
  return R"js((function () {
  "use strict";
  function words(s) { return (s || "").toLowerCase().split(/\s+/).filter(Boolean); }

  var results = document.getElementById("results");
  if (results) {
    var index = window.INFRADIGEST_SEARCH || [];
    var input = document.getElementById("q");
    var status = document.getElementById("search-status");
    var root = results.getAttribute("data-root") || "";
    var run = function (query) {
      var terms = words(query);
      results.textContent = "";
      if (!terms.length) { status.textContent = status.getAttribute("data-empty"); return; }
      var shown = 0, found = 0;
      for (var i = 0; i < index.length; i++) {
        var e = index[i];
        var text = (e.t + " " + e.r + " " + e.d + " " + e.k + " " + (e.g || "")).toLowerCase();
        if (!terms.every(function (t) { return text.indexOf(t) >= 0; })) continue;
        found++;
        if (shown >= 200) continue;
        shown++;
        var li = document.createElement("li");
        var a = document.createElement("a");
        a.href = root + "days/" + e.d + ".html" + (e.a ? "#" + encodeURIComponent(e.a) : "");
        a.textContent = e.t;
        li.appendChild(a);
        var meta = document.createElement("div");
        meta.className = "meta";
        meta.textContent = e.d + " · " + e.r + " · " + e.k + (e.g ? " · " + e.g : "");
        li.appendChild(meta);
        results.appendChild(li);
      }
      status.textContent = status.getAttribute("data-count").replace("{n}", String(found));
    };
    var query = new URLSearchParams(window.location.search).get("q") || "";
    input.value = query;
    run(query);
    input.addEventListener("input", function () { run(input.value); });
  }

  var filter = document.getElementById("repo-filter");
  if (filter) {
    filter.hidden = false;
    var label = document.querySelector("label[for=repo-filter]");
    if (label) label.hidden = false;
    filter.addEventListener("change", function () {
      var repo = filter.value;
      var rows = document.querySelectorAll("ol.days li");
      for (var i = 0; i < rows.length; i++) {
        var repos = (rows[i].getAttribute("data-repos") || "").split(" ");
        rows[i].hidden = repo !== "" && repos.indexOf(repo) < 0;
      }
    });
  }
})();
)js";
}

}  // namespace infradigest
