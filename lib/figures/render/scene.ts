/**
 * A drawn chart as positioned shapes and single-line texts, independent of the output: svg.ts writes it as
 * SVG markup (embeds, SVG downloads), og.tsx as next/og elements (link-preview PNGs). Layout happens once,
 * in time-layout.ts, bars-layout.ts and card.ts.
 */
import type { Paint } from "../palette";

/** An event marker's line (carrying the period it marks) or its flag, for readers of the SVG (tests, the embed script). */
export type EventMark = { kind: "event-line" | "event-flag"; x: string };

export type Shape =
  | { type: "path"; d: string; stroke?: Paint; fill?: Paint; width?: number; dash?: string; fillOpacity?: number; title?: string; mark?: EventMark; series?: string }
  | { type: "rect"; x: number; y: number; w: number; h: number; fill: Paint; rx?: number; title?: string }
  | { type: "line"; x1: number; y1: number; x2: number; y2: number; stroke: Paint; width?: number; dash?: string }
  | { type: "circle"; cx: number; cy: number; r: number; fill: Paint; stroke?: Paint; width?: number };

export interface TextItem {
  /** Anchor point; y is the baseline. */
  x: number;
  y: number;
  text: string;
  size: number;
  anchor: "start" | "middle" | "end";
  paint: Paint;
  weight?: 400 | 600;
  /** What the text is, for readers of the SVG (tests, scripts): "y-tick", "x-tick". */
  role?: "y-tick" | "x-tick";
  /** The full text when `text` was shortened to fit (a tooltip in SVG). */
  full?: string;
}

export interface Scene {
  width: number;
  height: number;
  /** Time plots: the x extent of the periods (the embed's hover script maps the pointer to a period). */
  plotArea?: { left: number; right: number };
  shapes: Shape[];
  texts: TextItem[];
}

export function emptyScene(width: number, height: number): Scene {
  return { width, height, shapes: [], texts: [] };
}

/** Moves a scene's content by (dx, dy) into `into`. */
export function place(into: Scene, s: Scene, dx: number, dy: number): void {
  const r = (n: number) => Math.round(n * 10) / 10;
  for (const sh of s.shapes) {
    if (sh.type === "path") into.shapes.push({ ...sh, d: translatePath(sh.d, dx, dy) });
    else if (sh.type === "rect") into.shapes.push({ ...sh, x: r(sh.x + dx), y: r(sh.y + dy) });
    else if (sh.type === "circle") into.shapes.push({ ...sh, cx: r(sh.cx + dx), cy: r(sh.cy + dy) });
    else into.shapes.push({ ...sh, x1: r(sh.x1 + dx), y1: r(sh.y1 + dy), x2: r(sh.x2 + dx), y2: r(sh.y2 + dy) });
  }
  for (const t of s.texts) into.texts.push({ ...t, x: r(t.x + dx), y: r(t.y + dy) });
}

/** Paths are written with absolute M/L/H/V/Z commands only (see time-layout.ts), so translating is per command. */
function translatePath(d: string, dx: number, dy: number): string {
  const r = (n: number) => Math.round(n * 10) / 10;
  return d.replace(/([MLHV])([-\d.]+)(?:,([-\d.]+))?/g, (_, cmd: string, a: string, b?: string) => {
    if (cmd === "H") return `H${r(Number(a) + dx)}`;
    if (cmd === "V") return `V${r(Number(a) + dy)}`;
    return `${cmd}${r(Number(a) + dx)},${r(Number(b) + dy)}`;
  });
}
