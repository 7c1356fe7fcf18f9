/**
 * The embed page: one chart as a complete HTML document with no framework JavaScript — the chart is
 * server-drawn SVG (lib/figures/render), one variant per width band chosen by CSS media queries so text
 * stays readable from phones to wide columns, and one inline script (~0.8 KB) that posts the page's height
 * to the parent whenever it changes (and again when the parent asks with `{type: "modelshare:measure"}`,
 * as embed.js does when it loads after the iframe): `{type: "modelshare:height", height}` always, and WordPress's
 * `{message: "height", value, secret}` when the URL's fragment carries `secret=` (WordPress adds
 * `#?secret=…` to the iframes it embeds and resizes them from these messages; in its sandbox, links are
 * opened through `{message: "link", value, secret}`). No cookies, no storage. Every external string is
 * escaped (escapeXml) and the CSP allows only this inline script (by hash) and inline styles.
 */
import "server-only";
import { createHash } from "node:crypto";
import { formatTimestamp } from "@/lib/format";
import type { Figure } from "@/lib/figures/types";
import { sourceLines } from "@/lib/figures/source";
import { layoutBars } from "@/lib/figures/render/bars-layout";
import { CSS_VARS, DARK, LIGHT, paletteCss, paint } from "@/lib/figures/palette";
import { colorPaint } from "@/lib/figures/render/paints";
import { escapeXml as e, FONT_STACK, sceneToSvg } from "@/lib/figures/render/svg";
import { layoutTime } from "@/lib/figures/render/time-layout";
import type { Theme } from "@/lib/view/state";
import { formatValue, formatXFull } from "@/lib/figures/format";
import { EMBED_HOVER_SCRIPT } from "./embed-hover";

/** Width bands: variant k is drawn `width` units wide and shown from `min` CSS pixels of viewport. */
const EMBED_VARIANTS = [
  { width: 360, height: 240, min: 0 },
  { width: 520, height: 270, min: 544 },
  { width: 720, height: 290, min: 744 },
  { width: 960, height: 310, min: 984 },
  { width: 1280, height: 340, min: 1304 },
] as const;

const FONT = 11;

/** The inline script (kept tiny and constant: its hash is in the CSP). */
export const EMBED_SCRIPT =
  `(function(){var m=/[#&?]secret=([A-Za-z0-9]{1,64})/.exec(location.hash),s=m&&m[1],h=0,b=document.body;` +
  `function post(){var n=Math.ceil(b.getBoundingClientRect().height);if(n===h||parent===window)return;h=n;` +
  `parent.postMessage({type:"modelshare:height",height:n},"*");if(s)parent.postMessage({message:"height",value:n,secret:s},"*")}` +
  `if(window.ResizeObserver)new ResizeObserver(post).observe(b);addEventListener("load",post);post();` +
  `addEventListener("message",function(ev){var d=ev.data;if(ev.source===parent&&d&&d.type==="modelshare:measure"){h=0;post()}});` +
  `if(s)document.addEventListener("click",function(ev){var a=ev.target&&ev.target.closest&&ev.target.closest("a[href]");` +
  `if(a){ev.preventDefault();parent.postMessage({message:"link",value:a.href,secret:s},"*")}})})();`;

const hashOf = (script: string) => `sha256-${createHash("sha256").update(script).digest("base64")}`;

/**
 * The embed's own Content-Security-Policy, as a <meta> tag: nothing is loaded, only our inline script runs.
 * (frame-ancestors cannot be set by <meta>: next.config.ts sends `frame-ancestors *` for /embed/*.) The hover
 * script (embed-hover.ts) is the second hash; its data is a JSON block, which is never run.
 */
export const EMBED_CSP = `default-src 'none'; style-src 'unsafe-inline'; script-src '${hashOf(EMBED_SCRIPT)}' '${hashOf(EMBED_HOVER_SCRIPT)}'; img-src data:; base-uri 'none'; form-action 'none'`;

function css(): string {
  const bands = EMBED_VARIANTS.slice(1)
    .map((v, i) => `@media (min-width:${v.min}px){.v${i}{display:none}.v${i + 1}{display:block}}`)
    .join("");
  return (
    `:root{${paletteCss(LIGHT)};color-scheme:light}` +
    `@media (prefers-color-scheme:dark){:root:not(.light){${paletteCss(DARK)};color-scheme:dark}}` +
    `:root.dark{${paletteCss(DARK)};color-scheme:dark}` +
    `html,body{margin:0;background:var(--bg);color:var(--text)}` +
    `body{font:14px/1.4 ${FONT_STACK};font-feature-settings:"tnum" 1;-webkit-text-size-adjust:100%}` +
    `figure{margin:0;padding:12px 14px;border:1px solid var(--border);border-radius:8px}` +
    `.head{display:flex;flex-wrap:wrap;align-items:baseline;justify-content:space-between;gap:4px 12px}` +
    `.ctx{margin:0 0 2px;font-size:12px;color:var(--muted);overflow-wrap:anywhere}` +
    `h1{margin:0;font-size:16px;font-weight:600;line-height:1.3;overflow-wrap:anywhere}` +
    `.badge{font-size:12px;font-weight:600;border-radius:4px;padding:1px 6px;background:var(--badge-bg);color:var(--badge-text)}` +
    `.summary{margin:4px 0 8px;font-size:13px;color:var(--muted);overflow-wrap:anywhere}` +
    `.v{display:none}.v0{display:block}${bands}` +
    `.chart svg{overflow:visible}` +
    `.legend{list-style:none;margin:6px 0 0;padding:0;display:flex;flex-wrap:wrap;gap:2px 14px;font-size:12px}` +
    `.legend li{display:flex;align-items:center;gap:6px;min-width:0;overflow-wrap:anywhere}` +
    `.legend svg{flex:none}` +
    `.empty{border:1px dashed var(--border);border-radius:6px;padding:28px 12px;text-align:center}` +
    `.empty p{margin:0}.empty .s{margin-top:4px;font-size:13px;color:var(--muted)}` +
    `.note{margin:8px 0 0;font-size:12px;color:var(--muted)}` +
    `figcaption{margin-top:10px;display:flex;flex-wrap:wrap;justify-content:space-between;gap:4px 12px;font-size:12px;color:var(--muted)}` +
    `a{color:var(--accent);font-weight:600;text-decoration:none}a:hover,a:focus-visible{text-decoration:underline}` +
    `.sub{margin:2px 0 0;font-size:14px;overflow-wrap:anywhere}` +
    `:root.transparent,.transparent body{background:transparent}.transparent figure{border:0;padding:0}` +
    // The hover script's tooltip and cursor (embed-hover.ts).
    `.chart{position:relative}.chart:focus-visible{outline:2px solid var(--accent);outline-offset:2px}` +
    `.cur{position:absolute;top:0;bottom:0;width:1px;background:var(--chart-cursor);pointer-events:none}` +
    `.tip{position:absolute;top:4px;z-index:1;max-width:260px;padding:6px 8px;border:1px solid var(--border);border-radius:6px;background:var(--bg);font-size:12px;box-shadow:0 2px 8px rgba(0,0,0,.15);pointer-events:none}` +
    `.tip .r{display:flex;gap:6px;align-items:center}.tip .l{flex:1;min-width:0;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}` +
    `.tip .sw{width:8px;height:8px;border-radius:2px;flex:none}.tip .ev{margin-top:4px;padding-top:4px;border-top:1px solid var(--border)}` +
    `.legend li[tabindex]{cursor:default}`
  );
}

function chartSvg(fig: Figure): string {
  const plot = fig.plot!;
  return EMBED_VARIANTS.map((v, i) => {
    const scene = plot.type === "time" ? layoutTime(plot, { width: v.width, height: v.height, font: FONT }) : layoutBars(plot, { width: v.width, font: FONT });
    const area = scene.plotArea ? ` data-plot="${scene.plotArea.left},${scene.plotArea.right}"` : "";
    // The chart's name and description are the figure's (aria-labelledby on the wrapper): the SVG itself is decorative.
    return `<div class="v v${i}" aria-hidden="true"${area}>${sceneToSvg(scene, CSS_VARS, { responsive: true })}</div>`;
  }).join("");
}

function legendHtml(fig: Figure): string {
  if (fig.plot?.type !== "time" || fig.plot.series.length < 2) return "";
  const items = fig.plot.series.map((s) => {
    const stroke = paint(CSS_VARS, colorPaint(s.color));
    const swatch = `<svg aria-hidden="true" width="16" height="8"><line x1="0" y1="4" x2="16" y2="4" stroke="${e(stroke)}" stroke-width="3"${s.dashed ? ' stroke-dasharray="5 3"' : ""}/></svg>`;
    return `<li data-key="${e(s.key)}">${swatch}<span>${e(s.label)}</span></li>`;
  });
  return `<ul class="legend" aria-label="Legend">${items.join("")}</ul>`;
}

/**
 * What the hover script shows, per period: its label, each series' value as the page's tooltip writes it, and
 * the events marked on it. A JSON data block (`<` escaped, so no text can close the script element).
 */
function hoverData(fig: Figure): string {
  if (fig.plot?.type !== "time" || !fig.plot.rows.length) return "";
  const plot = fig.plot;
  const events = new Map((plot.events ?? []).map((ev) => [ev.x, ev.label]));
  const data = {
    x: plot.rows.map((r) => `${formatXFull(r.x, plot.x)}${r.partial ? " (partial period)" : ""}`),
    s: plot.series.map((s) => ({ k: s.key, l: s.label, c: paint(CSS_VARS, colorPaint(s.color)) })),
    // As the page's tooltip: null = unreported (said so), absent (before a launch) = left out.
    v: plot.rows.map((r) => plot.series.map((s) => (typeof r[s.key] === "number" ? formatValue(plot.y, r[s.key] as number) : r[s.key] === null ? "not reported" : null))),
    e: plot.rows.map((r) => events.get(r.x) ?? ""),
  };
  return `<script type="application/json" id="hover-data">${JSON.stringify(data).replace(/</g, "\\u003c")}</script><script>${EMBED_HOVER_SCRIPT}</script>`;
}

export interface EmbedPageInput {
  figure: Figure;
  /** The view the chart belongs to ("Compare A vs B"), shown above its title. */
  context: string;
  theme: Theme;
  /** Absolute URL of the full view ("View on Modelshare"). */
  viewUrl: string;
  /** A permalink's pinned data: labelled with its as_of. */
  pinned: { asOf: string | null } | null;
}

/** The methods note on the same origin as the view (absolute: embeds live on other sites). */
function methodsUrl(viewUrl: string): string {
  return URL.canParse(viewUrl) ? new URL("/methods", viewUrl).href : "/methods";
}

export function embedHtml({ figure: f, context, theme, viewUrl, pinned }: EmbedPageInput): string {
  const badge = pinned
    ? `<span class="badge">Pinned: data as of ${e(pinned.asOf ? formatTimestamp(pinned.asOf) : "the time of sharing")}</span>`
    : f.provenance?.sample
      ? `<span class="badge">Sample data</span>`
      : "";
  const body = f.plot
    ? `<div class="chart" role="img" aria-labelledby="t" aria-describedby="d">${chartSvg(f)}</div>${legendHtml(f)}`
    : `<div class="empty"><p>${e(f.empty?.message ?? "Nothing to show")}</p>${f.empty?.suggestion ? `<p class="s">${e(f.empty.suggestion)}</p>` : ""}</div>`;
  const source = sourceLines(f.provenance).map(e).join(" ");
  return (
    `<!doctype html><html lang="en"${theme === "auto" ? "" : ` class="${theme}"`}><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex">` +
    `<meta name="referrer" content="strict-origin-when-cross-origin"><meta http-equiv="Content-Security-Policy" content="${e(EMBED_CSP)}">` +
    `<title>${e(`${context}: ${f.title}`)} · Modelshare</title><style>${css()}</style></head><body>` +
    `<main><figure data-chart-id="${e(f.chart)}" aria-labelledby="t" aria-describedby="d">` +
    `<p class="ctx">${e(context)}</p><div class="head"><h1 id="t">${e(f.title)}</h1>${badge}</div>` +
    (f.subtitle ? `<p class="sub">${e(f.subtitle)}</p>` : "") +
    `<p id="d" class="summary">${e(f.summary)}</p>` +
    body +
    f.footnotes.map((n) => `<p class="note">${e(n)}</p>`).join("") +
    `<figcaption><span>${source} <a href="${e(methodsUrl(viewUrl))}" target="_blank" rel="noopener">How to read this chart</a></span><a href="${e(viewUrl)}" target="_blank" rel="noopener">View on Modelshare ↗</a></figcaption>` +
    `</figure></main><script>${EMBED_SCRIPT}</script>${hoverData(f)}</body></html>`
  );
}

/** A framable page for an embed that cannot be drawn (unknown chart or permalink). */
export function embedMessageHtml(message: string, homeUrl: string): string {
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">` +
    `<meta name="robots" content="noindex"><meta http-equiv="Content-Security-Policy" content="${e(EMBED_CSP)}"><title>Chart not found · Modelshare</title><style>${css()}</style></head><body>` +
    `<main><figure aria-labelledby="t"><div class="head"><h1 id="t">Chart not found</h1></div><p class="summary">${e(message)}</p>` +
    `<figcaption><span></span><a href="${e(homeUrl)}" target="_blank" rel="noopener">Modelshare ↗</a></figcaption></figure></main>` +
    `<script>${EMBED_SCRIPT}</script></body></html>`
  );
}
