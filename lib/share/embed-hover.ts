/**
 * The embed's hover script: tooltips (period, each series' value, the events of the period) and a highlighted
 * series, on mouse hover AND keyboard focus (the chart takes focus; ←/→/Home/End move between periods, Esc
 * hides; legend items highlight their series). Vanilla, no framework, built to stay small (measured gzipped
 * by `npm run bench -- embed`; budget 15 KB). It only enhances: without it the server-drawn embed is complete.
 *
 * Reads what embed-html.ts writes: `#hover-data` (JSON: period labels, formatted values, series, events), each
 * width variant's plot area (`data-plot="left,right"` in SVG units) and series paths (`data-s`). Writes text
 * with textContent only (names are external strings). Inlined with its hash in the embed's CSP.
 */
/* eslint-disable */
function hover(): void {
  var D = document,
    j = D.getElementById("hover-data"),
    chart = D.querySelector(".chart") as HTMLElement | null;
  if (!j || !chart) return;
  var d = JSON.parse(j.textContent || "{}") as { x: string[]; s: { k: string; l: string; c: string }[]; v: (string | null)[][]; e: string[] };
  var n = d.x.length,
    cur = -1,
    tip = D.createElement("div"),
    line = D.createElement("div");
  tip.className = "tip";
  tip.hidden = true;
  tip.setAttribute("role", "status");
  tip.setAttribute("aria-live", "polite");
  line.className = "cur";
  line.hidden = true;
  chart.appendChild(line);
  chart.appendChild(tip);
  chart.tabIndex = 0;
  chart.setAttribute("aria-keyshortcuts", "ArrowLeft ArrowRight Home End Escape");
  function area() {
    var vs = chart!.querySelectorAll<HTMLElement>(".v");
    for (var i = 0; i < vs.length; i++) {
      if (getComputedStyle(vs[i]).display !== "none") {
        var svg = vs[i].querySelector("svg")!,
          p = (vs[i].getAttribute("data-plot") || "0,1").split(",").map(Number),
          r = svg.getBoundingClientRect(),
          k = r.width / svg.viewBox.baseVal.width,
          c = chart!.getBoundingClientRect();
        return { l: r.left - c.left + p[0] * k, w: (p[1] - p[0]) * k, x0: r.left + p[0] * k };
      }
    }
    return null;
  }
  function el(tag: string, cls: string, text: string) {
    var e = D.createElement(tag);
    e.className = cls;
    e.textContent = text;
    return e;
  }
  function show(i: number) {
    var a = area();
    if (!a || i < 0 || i >= n) return hide();
    cur = i;
    tip.textContent = "";
    tip.appendChild(el("b", "", d.x[i]));
    d.s.forEach(function (s, si) {
      if (d.v[i][si] === null) return;
      var row = el("div", "r", ""),
        sw = el("span", "sw", "");
      sw.style.background = s.c;
      row.appendChild(sw);
      row.appendChild(el("span", "l", s.l));
      row.appendChild(el("span", "n", d.v[i][si]!));
      tip.appendChild(row);
    });
    if (d.e[i]) tip.appendChild(el("div", "ev", d.e[i]));
    var x = a.l + (a.w * (i + 0.5)) / n;
    line.style.left = x + "px";
    line.hidden = tip.hidden = false;
    var w = tip.offsetWidth,
      cw = chart!.clientWidth;
    tip.style.left = Math.max(0, Math.min(cw - w, x + 12 + w > cw ? x - w - 12 : x + 12)) + "px";
  }
  function hide() {
    line.hidden = tip.hidden = true;
  }
  function hl(key: string | null) {
    D.querySelectorAll<SVGElement>("[data-s]").forEach(function (p) {
      p.style.opacity = !key || p.getAttribute("data-s") === key ? "" : "0.2";
    });
  }
  chart.addEventListener("mousemove", function (ev) {
    var a = area();
    if (!a) return;
    var i = Math.floor(((ev.clientX - a.x0) / a.w) * n);
    i >= 0 && i < n ? show(i) : hide();
  });
  chart.addEventListener("mouseleave", hide);
  chart.addEventListener("focus", function () {
    show(cur < 0 ? n - 1 : cur);
  });
  chart.addEventListener("blur", hide);
  chart.addEventListener("keydown", function (ev) {
    var k = ev.key,
      i = k === "ArrowLeft" ? cur - 1 : k === "ArrowRight" ? cur + 1 : k === "Home" ? 0 : k === "End" ? n - 1 : -2;
    if (k === "Escape") return hide();
    if (i === -2) return;
    ev.preventDefault();
    show(Math.max(0, Math.min(n - 1, i)));
  });
  D.querySelectorAll<HTMLElement>(".legend li[data-key]").forEach(function (li) {
    var key = li.getAttribute("data-key");
    li.tabIndex = 0;
    li.addEventListener("mouseenter", function () { hl(key); });
    li.addEventListener("focus", function () { hl(key); });
    li.addEventListener("mouseleave", function () { hl(null); });
    li.addEventListener("blur", function () { hl(null); });
  });
  chart.querySelectorAll<SVGElement>("path[data-s]").forEach(function (p) {
    p.addEventListener("mouseenter", function () { hl(p.getAttribute("data-s")); });
    p.addEventListener("mouseleave", function () { hl(null); });
  });
}
/* eslint-enable */

/** The script as inlined: its source text, run once. */
export const EMBED_HOVER_SCRIPT = `(${hover.toString()})();`;
