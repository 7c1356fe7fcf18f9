/**
 * Scene → SVG markup. Every text and attribute value is escaped (external strings such as app names can
 * hold `<script>` or quotes); lone surrogates and non-characters, which make XML invalid, become U+FFFD.
 */
import { boundText } from "@/lib/labels";
import { MAX_TEXT } from "./og-text";
import { paint, type Palette } from "../palette";
import type { Scene, Shape, TextItem } from "./scene";

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const INVALID_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text made safe inside an XML/HTML element or a double- or single-quoted attribute. */
export function escapeXml(s: string): string {
  return s.replace(INVALID_XML, "\ufffd").replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

export const FONT_STACK = "ui-sans-serif, system-ui, -apple-system, Segoe UI, Roboto, Helvetica Neue, Arial, sans-serif";

function attrs(a: Record<string, string | number | undefined>): string {
  return Object.entries(a)
    .filter(([, v]) => v !== undefined && v !== "")
    .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
    .join("");
}

function shapeSvg(s: Shape, p: Palette): string {
  const title = "title" in s && s.title ? `<title>${escapeXml(s.title)}</title>` : "";
  switch (s.type) {
    case "path":
      return `<path${attrs({
        d: s.d,
        fill: s.fill ? paint(p, s.fill) : "none",
        "fill-opacity": s.fillOpacity,
        stroke: s.stroke ? paint(p, s.stroke) : undefined,
        "stroke-width": s.stroke ? s.width ?? 1 : undefined,
        "stroke-dasharray": s.dash,
        "stroke-linejoin": "round",
        "stroke-linecap": "round",
        "data-s": s.series,
        "data-mark": s.mark?.kind,
        "data-x": s.mark?.x,
      })}>${title}</path>`;
    case "rect":
      return `<rect${attrs({ x: s.x, y: s.y, width: s.w, height: s.h, rx: s.rx, fill: paint(p, s.fill) })}>${title}</rect>`;
    case "line":
      return `<line${attrs({ x1: s.x1, y1: s.y1, x2: s.x2, y2: s.y2, stroke: paint(p, s.stroke), "stroke-width": s.width ?? 1, "stroke-dasharray": s.dash })}/>`;
    case "circle":
      return `<circle${attrs({ cx: s.cx, cy: s.cy, r: s.r, fill: paint(p, s.fill), stroke: s.stroke ? paint(p, s.stroke) : undefined, "stroke-width": s.stroke ? s.width ?? 1 : undefined })}/>`;
  }
}

function textSvg(t: TextItem, p: Palette): string {
  const a = attrs({ x: t.x, y: t.y, "font-size": t.size, fill: paint(p, t.paint), "text-anchor": t.anchor === "start" ? undefined : t.anchor, "font-weight": t.weight === 600 ? 600 : undefined, "data-role": t.role });
  const bounded = (text: string) => escapeXml(boundText(text, MAX_TEXT));
  return `<text${a}>${t.full ? `<title>${bounded(t.full)}</title>` : ""}${bounded(t.text)}</text>`;
}

export interface SvgOptions {
  /** Accessible name and description (role="img"). */
  title?: string;
  desc?: string;
  /** Scale to the container's width (embeds) instead of a fixed size (downloads). */
  responsive?: boolean;
  /** Paint a background rectangle (downloads, so the file reads on any viewer). */
  background?: boolean;
  /** A standalone file: XML namespace and declaration. */
  standalone?: boolean;
  className?: string;
}

export function sceneToSvg(scene: Scene, palette: Palette, opts: SvgOptions = {}): string {
  const w = Math.ceil(scene.width);
  const h = Math.ceil(scene.height);
  const size = opts.responsive ? { width: "100%", style: "display:block;height:auto" } : { width: w, height: h };
  const head = `<svg${attrs({
    xmlns: "http://www.w3.org/2000/svg",
    viewBox: `0 0 ${w} ${h}`,
    ...size,
    role: "img",
    "aria-label": opts.title,
    class: opts.className,
    "font-family": FONT_STACK,
  })}>`;
  const parts = [
    head,
    opts.title ? `<title>${escapeXml(opts.title)}</title>` : "",
    opts.desc ? `<desc>${escapeXml(opts.desc)}</desc>` : "",
    opts.background ? `<rect width="${w}" height="${h}" fill="${escapeXml(palette.bg)}"/>` : "",
    ...scene.shapes.map((s) => shapeSvg(s, palette)),
    ...scene.texts.map((t) => textSvg(t, palette)),
    "</svg>",
  ];
  return (opts.standalone ? '<?xml version="1.0" encoding="UTF-8"?>\n' : "") + parts.join("");
}
