// output/html_assets.h — the style sheets and scripts inlined into the
// article page and the batch index (output/html_page.cpp, html_index.cpp).
//
// Kept apart from the writers so that the markup code reads as markup. The
// page's Content-Security-Policy allows exactly these bodies by their SHA-256,
// so they are constants: nothing from an input may ever be spliced into them.
// Fonts come from the system (no web fonts: the page fetches nothing); the
// stack names the usual Korean faces so Hangul never falls back to tofu.
#pragma once

#include <string_view>

namespace news::html {

inline constexpr std::string_view kPageStyle = R"css(
:root{color-scheme:light dark;--fg:#1d1d1f;--bg:#fff;--muted:#5f6368;--line:#d9dce1;--panel:#f6f7f9;
--person:#ffd8a8;--person-edge:#e8590c;--organization:#c5dcff;--organization-edge:#1c64d9;
--location:#c8f0c8;--location-edge:#2b8a3e;--date:#e5d4ff;--date-edge:#7048e8;
--money:#fff3a3;--money-edge:#b08800;--percentage:#ffd0e8;--percentage-edge:#c2255c;
--duration:#c9f2ee;--duration-edge:#0c8599;--quantity:#e6e6e6;--quantity-edge:#6c757d}
@media (prefers-color-scheme:dark){:root{--fg:#e8eaed;--bg:#16181c;--muted:#a0a6ad;--line:#3a3f47;--panel:#1f2329;
--person:#6b3a14;--organization:#1b3a6b;--location:#1d4d2a;--date:#3f2a6e;--money:#5c4d0b;
--percentage:#5e1f3d;--duration:#0f4a46;--quantity:#3d4147;--person-edge:#ff922b;--organization-edge:#4dabf7;
--location-edge:#69db7c;--date-edge:#b197fc;--money-edge:#ffd43b;--percentage-edge:#f783ac;
--duration-edge:#3bc9db;--quantity-edge:#adb5bd}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);line-height:1.7;
font-family:system-ui,-apple-system,"Segoe UI","Noto Sans CJK KR","Noto Sans KR","Apple SD Gothic Neo","Malgun Gothic",Roboto,sans-serif}
:lang(ko){word-break:keep-all}
main,header.page{max-width:78rem;margin:0 auto;padding:1rem}
header.page h1{font-size:1.6rem;line-height:1.35;margin:.2rem 0 .6rem}
a{color:var(--organization-edge)}
.back{font-size:.9rem}
.skip{position:absolute;left:-100rem}.skip:focus{position:static}
dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:.1rem 1rem;margin:0;font-size:.9rem;color:var(--muted)}
dl.meta dt{font-weight:600}dl.meta dd{margin:0;overflow-wrap:anywhere}
.layout{display:grid;grid-template-columns:minmax(0,1fr);gap:1.5rem}
@media (min-width:70rem){.layout{grid-template-columns:minmax(0,42rem) minmax(0,1fr)}}
article{font-size:1.05rem;overflow-wrap:anywhere}
article .para{position:relative;margin:0 0 1rem}
article h2.para{font-size:1.2rem;margin-top:1.6rem}
article .role-title{font-size:1.35rem;font-weight:700;line-height:1.4}
article .role-caption{font-size:.92rem;color:var(--muted);font-style:italic;border-left:3px solid var(--line);padding-left:.7rem}
article .role-byline,article .role-boilerplate{font-size:.85rem;color:var(--muted)}
.role-tag{font-size:.7rem;font-style:normal;text-transform:uppercase;letter-spacing:.04em;color:var(--muted);margin-right:.4rem}
details.repeats{display:block;font-size:.8rem;margin:-.75rem 0 1rem}
h1 details.repeats{display:inline-block;margin:0 0 0 .5rem;font-weight:400}
details.repeats summary{display:inline;cursor:pointer;list-style:none;border:1px solid var(--line);border-radius:1rem;padding:0 .5rem;color:var(--muted);white-space:nowrap}
details.repeats summary::-webkit-details-marker{display:none}
details.repeats[open] summary{background:var(--panel)}
details.repeats ul{margin:.3rem 0 0;padding-left:1.2rem;color:var(--muted)}
mark{position:relative;color:inherit;background:var(--t);border-bottom:2px solid var(--e);border-radius:.2rem;padding:0 .1rem;cursor:help;-webkit-print-color-adjust:exact;print-color-adjust:exact}
mark mark{padding:0}
mark[data-type=person]{--t:var(--person);--e:var(--person-edge)}
mark[data-type=organization]{--t:var(--organization);--e:var(--organization-edge)}
mark[data-type=location]{--t:var(--location);--e:var(--location-edge)}
mark[data-type=date]{--t:var(--date);--e:var(--date-edge)}
mark[data-type=money]{--t:var(--money);--e:var(--money-edge)}
mark[data-type=percentage]{--t:var(--percentage);--e:var(--percentage-edge)}
mark[data-type=duration]{--t:var(--duration);--e:var(--duration-edge)}
mark[data-type=quantity]{--t:var(--quantity);--e:var(--quantity-edge)}
mark[data-entity]{cursor:pointer}
mark:focus{outline:2px solid var(--e);outline-offset:1px}
mark.selected{outline:3px solid var(--e);outline-offset:1px;font-weight:600}
mark:hover:not(:has(mark:hover))::after,mark:focus::after{content:attr(data-value);position:absolute;left:0;top:100%;z-index:5;
margin-top:.3rem;width:max-content;max-width:18rem;white-space:normal;font-size:.8rem;font-weight:400;line-height:1.4;
background:var(--fg);color:var(--bg);padding:.25rem .5rem;border-radius:.3rem;pointer-events:none}
body.hide-person mark[data-type=person],body.hide-organization mark[data-type=organization],
body.hide-location mark[data-type=location],body.hide-date mark[data-type=date],body.hide-money mark[data-type=money],
body.hide-percentage mark[data-type=percentage],body.hide-duration mark[data-type=duration],
body.hide-quantity mark[data-type=quantity]{background:none;border-bottom-color:transparent}
fieldset.legend{border:1px solid var(--line);border-radius:.4rem;margin:.8rem 0 0;padding:.3rem .6rem;display:flex;flex-wrap:wrap;gap:.2rem .9rem;font-size:.85rem}
fieldset.legend legend{font-weight:600;padding:0 .3rem}
fieldset.legend label{display:inline-flex;align-items:center;gap:.3rem;cursor:pointer}
.swatch{display:inline-block;width:.9rem;height:.9rem;border-radius:.2rem;background:var(--t);border-bottom:2px solid var(--e)}
.swatch[data-type=person]{--t:var(--person);--e:var(--person-edge)}
.swatch[data-type=organization]{--t:var(--organization);--e:var(--organization-edge)}
.swatch[data-type=location]{--t:var(--location);--e:var(--location-edge)}
.swatch[data-type=date]{--t:var(--date);--e:var(--date-edge)}
.swatch[data-type=money]{--t:var(--money);--e:var(--money-edge)}
.swatch[data-type=percentage]{--t:var(--percentage);--e:var(--percentage-edge)}
.swatch[data-type=duration]{--t:var(--duration);--e:var(--duration-edge)}
.swatch[data-type=quantity]{--t:var(--quantity);--e:var(--quantity-edge)}
aside section{margin-bottom:1.4rem}
aside h2{font-size:1rem;margin:0 0 .4rem}
.table-wrap{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:.85rem}
th,td{text-align:left;vertical-align:top;padding:.25rem .45rem;border-bottom:1px solid var(--line)}
th{background:var(--panel);font-weight:600}
td.num{text-align:right;font-variant-numeric:tabular-nums}
button.entity{font:inherit;color:inherit;background:none;border:0;padding:0;text-align:left;cursor:pointer;text-decoration:underline dotted}
button.entity[aria-pressed=true]{font-weight:700;text-decoration:underline solid}
button.entity:focus-visible,a:focus-visible,summary:focus-visible{outline:2px solid var(--organization-edge);outline-offset:2px}
.status{font-size:.85rem;color:var(--muted);min-height:1.2em;margin:.3rem 0 0}
.error{border:2px solid var(--percentage-edge);border-radius:.4rem;padding:1rem}
.warnings{font-size:.85rem;color:var(--muted)}
@media print{fieldset.legend,.status,.back,.skip{display:none}.layout{display:block}mark{cursor:auto}
details.repeats ul{display:block}body{font-size:10.5pt}a{color:inherit}}
)css";

inline constexpr std::string_view kPageScript = R"js(
(function () {
  "use strict";
  var body = document.body, status = document.getElementById("status"), selected = null;
  document.querySelectorAll("input[data-toggle]").forEach(function (box) {
    box.addEventListener("change", function () {
      body.classList.toggle("hide-" + box.getAttribute("data-toggle"), !box.checked);
    });
  });
  // Our own ids ("person-3"): safe inside a selector.
  function select(id, scroll) {
    document.querySelectorAll("mark.selected").forEach(function (m) { m.classList.remove("selected"); });
    document.querySelectorAll("button[aria-pressed=true]").forEach(function (b) { b.setAttribute("aria-pressed", "false"); });
    if (!id || id === selected) { selected = null; status.textContent = ""; return; }
    selected = id;
    var marks = document.querySelectorAll('mark[data-entity="' + id + '"]');
    marks.forEach(function (m) { m.classList.add("selected"); });
    document.querySelectorAll('button[data-entity="' + id + '"]').forEach(function (b) { b.setAttribute("aria-pressed", "true"); });
    status.textContent = marks.length + (marks.length === 1 ? " mention" : " mentions") + " highlighted (Esc clears)";
    if (scroll && marks.length) { marks[0].scrollIntoView({block: "center"}); marks[0].focus({preventScroll: true}); }
  }
  document.addEventListener("click", function (event) {
    var target = event.target.closest("button[data-entity], mark[data-entity]");
    if (target) select(target.getAttribute("data-entity"), target.tagName === "BUTTON");
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") select(null, false);
    var target = event.target;
    if ((event.key === "Enter" || event.key === " ") && target.matches && target.matches("mark[data-entity]")) {
      event.preventDefault();
      select(target.getAttribute("data-entity"), false);
    }
  });
  // Says the script was allowed by the page's policy and ran to its end.
  document.documentElement.setAttribute("data-script", "ready");
})();
)js";

inline constexpr std::string_view kIndexStyle = R"css(
:root{color-scheme:light dark;--fg:#1d1d1f;--bg:#fff;--muted:#5f6368;--line:#d9dce1;--panel:#f6f7f9;--accent:#1c64d9;--bad:#c2255c}
@media (prefers-color-scheme:dark){:root{--fg:#e8eaed;--bg:#16181c;--muted:#a0a6ad;--line:#3a3f47;--panel:#1f2329;--accent:#4dabf7;--bad:#f783ac}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);line-height:1.5;
font-family:system-ui,-apple-system,"Segoe UI","Noto Sans CJK KR","Noto Sans KR","Apple SD Gothic Neo","Malgun Gothic",Roboto,sans-serif}
main{max-width:90rem;margin:0 auto;padding:1rem}
h1{font-size:1.5rem;margin:.2rem 0 .8rem}
a{color:var(--accent)}
form.filters{display:flex;flex-wrap:wrap;gap:.6rem 1.2rem;align-items:center;margin-bottom:.8rem;font-size:.9rem}
form.filters input[type=search],form.filters select{font:inherit;padding:.25rem .4rem;border:1px solid var(--line);border-radius:.3rem;background:var(--bg);color:var(--fg)}
.table-wrap{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:.88rem}
th,td{text-align:left;vertical-align:top;padding:.3rem .5rem;border-bottom:1px solid var(--line)}
th{background:var(--panel);position:sticky;top:0}
th button{font:inherit;font-weight:600;color:inherit;background:none;border:0;padding:0;cursor:pointer}
th[aria-sort=ascending] button::after{content:" ▲"}th[aria-sort=descending] button::after{content:" ▼"}
td.num{text-align:right;font-variant-numeric:tabular-nums}
td.title{min-width:16rem;overflow-wrap:anywhere}
td.title:lang(ko),td.title :lang(ko){word-break:keep-all}
tr.failed td.error{color:var(--bad)}
.path{display:block;font-size:.75rem;color:var(--muted);overflow-wrap:anywhere}
button:focus-visible,a:focus-visible,input:focus-visible,select:focus-visible{outline:2px solid var(--accent);outline-offset:2px}
@media print{form.filters{display:none}th{position:static}}
)css";

inline constexpr std::string_view kIndexScript = R"js(
(function () {
  "use strict";
  var table = document.getElementById("articles"), body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var text = document.getElementById("filter-text"), language = document.getElementById("filter-language");
  var errors = document.getElementById("filter-errors"), shown = document.getElementById("shown");
  function filter() {
    var needle = text.value.trim().toLowerCase(), wanted = language.value, failedOnly = errors.checked, count = 0;
    rows.forEach(function (row) {
      var keep = (!needle || row.textContent.toLowerCase().indexOf(needle) >= 0) &&
                 (!wanted || row.getAttribute("data-language") === wanted) &&
                 (!failedOnly || row.hasAttribute("data-failed"));
      row.hidden = !keep;
      if (keep) count++;
    });
    shown.textContent = count;
  }
  [text, language, errors].forEach(function (control) {
    control.addEventListener("input", filter);
    control.addEventListener("change", filter);
  });
  document.getElementById("filters").addEventListener("submit", function (event) { event.preventDefault(); });
  var headers = table.tHead.rows[0].cells;
  Array.prototype.forEach.call(headers, function (header, column) {
    var button = header.querySelector("button");
    if (!button) return;
    button.addEventListener("click", function () {
      var descending = header.getAttribute("aria-sort") === "ascending";
      Array.prototype.forEach.call(headers, function (h) { h.removeAttribute("aria-sort"); });
      header.setAttribute("aria-sort", descending ? "descending" : "ascending");
      var numeric = header.hasAttribute("data-numeric");
      function key(row) {
        var cell = row.cells[column], value = cell.getAttribute("data-sort");
        if (value === null) value = cell.textContent.trim();
        return numeric ? Number(value) : value.toLowerCase();
      }
      rows.sort(function (a, b) {
        var x = key(a), y = key(b), order = x < y ? -1 : x > y ? 1 : 0;
        if (order === 0) order = Number(a.getAttribute("data-order")) - Number(b.getAttribute("data-order"));
        else if (descending) order = -order;
        return order;
      });
      rows.forEach(function (row) { body.appendChild(row); });
    });
  });
  filter();
  document.documentElement.setAttribute("data-script", "ready");
})();
)js";

}  // namespace news::html
