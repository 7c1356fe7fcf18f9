/**
 * The one palette of every chart: Okabe–Ito categorical colours, with lighter variants for dark
 * backgrounds so neighbouring series stay distinct, and a neutral for "others" buckets. Pages and embeds
 * use it as CSS variables (app/layout.tsx and embeds write `paletteCss` for light, dark and auto), so one
 * SVG follows the theme; images use the literal colours.
 */
import type { ColorRef } from "./types";

export interface Palette {
  series: readonly string[];
  other: string;
  grid: string;
  axis: string;
  cursor: string;
  text: string;
  muted: string;
  bg: string;
  border: string;
  accent: string;
  badgeBg: string;
  badgeText: string;
}

export const LIGHT: Palette = {
  // Okabe–Ito (blue, orange, bluish green, vermillion, reddish purple, sky blue, yellow, black), darkened
  // where needed for 3:1 contrast on white, then violet and brown: ten hues, so a top 10 never repeats one.
  series: ["#0072b2", "#c77f00", "#009e73", "#d55e00", "#b8558f", "#2b8fc7", "#8a7a00", "#1f2937", "#7b5ea7", "#8c564b"],
  other: "#a3acb9",
  grid: "#e2e8f0",
  axis: "#475569",
  cursor: "#94a3b8",
  text: "#0f172a",
  muted: "#475569",
  bg: "#ffffff",
  border: "#e2e8f0",
  accent: "#4f46e5",
  badgeBg: "#fef3c7",
  badgeText: "#78350f",
};

export const DARK: Palette = {
  series: ["#4ba3e3", "#f0a830", "#2ec29a", "#ff7a3d", "#e596c4", "#9ad6f7", "#f0e442", "#e5e7eb", "#b9a3e3", "#c49c94"],
  other: "#64748b",
  grid: "#1e293b",
  axis: "#94a3b8",
  cursor: "#64748b",
  text: "#f1f5f9",
  muted: "#94a3b8",
  bg: "#0f172a",
  border: "#1e293b",
  accent: "#818cf8",
  badgeBg: "#78350f",
  badgeText: "#fef3c7",
};

/** Distinct hues; series past them repeat a hue with a dash pattern (seriesDash). */
export const PALETTE_SIZE = LIGHT.series.length;

/** The same palette as CSS variables. */
export const CSS_VARS: Palette = {
  series: LIGHT.series.map((_, i) => `var(--series-${i})`),
  other: "var(--series-other)",
  grid: "var(--chart-grid)",
  axis: "var(--chart-axis)",
  cursor: "var(--chart-cursor)",
  text: "var(--text)",
  muted: "var(--muted)",
  bg: "var(--bg)",
  border: "var(--border)",
  accent: "var(--accent)",
  badgeBg: "var(--badge-bg)",
  badgeText: "var(--badge-text)",
};

/** CSS declarations of the variables for one palette. */
export function paletteCss(p: Palette): string {
  const vars: [string, string][] = [
    ...p.series.map((c, i): [string, string] => [`--series-${i}`, c]),
    ["--series-other", p.other],
    ["--chart-grid", p.grid],
    ["--chart-axis", p.axis],
    ["--chart-cursor", p.cursor],
    ["--text", p.text],
    ["--muted", p.muted],
    ["--bg", p.bg],
    ["--border", p.border],
    ["--accent", p.accent],
    ["--badge-bg", p.badgeBg],
    ["--badge-text", p.badgeText],
  ];
  return vars.map(([k, v]) => `${k}:${v}`).join(";");
}

/** Light by default, dark under `prefers-color-scheme: dark` unless a `.light` class says otherwise, and under `.dark`. */
export function themeCss(): string {
  return (
    `:root{${paletteCss(LIGHT)}}` +
    `@media (prefers-color-scheme: dark){:root:not(.light){${paletteCss(DARK)}}}` +
    `:root.dark{${paletteCss(DARK)}}`
  );
}

export type Paint = `s${number}` | "other" | "grid" | "axis" | "cursor" | "text" | "muted" | "bg" | "border" | "accent" | "badgeBg" | "badgeText";

export function paint(p: Palette, ref: Paint): string {
  if (ref.startsWith("s") && /^s\d+$/.test(ref)) return p.series[Number(ref.slice(1)) % p.series.length];
  return p[ref as Exclude<Paint, `s${number}`>];
}

/** A series colour as a paint (the renderers' colour reference). */
export function colorPaint(c: ColorRef): Paint {
  return c === "other" ? "other" : `s${c}`;
}

/** A series colour as CSS (pages): follows the theme. */
export function colorCss(c: ColorRef): string {
  return paint(CSS_VARS, colorPaint(c));
}

/** Dash pattern for series past the palette's hues, so a repeated colour is still told apart. */
export function seriesDash(c: ColorRef): string | undefined {
  return typeof c === "number" && c >= PALETTE_SIZE ? "6 3" : undefined;
}

/** FNV-1a: a small, stable hash of a series key. */
function hashKey(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/**
 * Palette slots for the series of one chart, so a model keeps its colour across pages, embeds and images:
 * each key prefers the slot its hash names and takes the next free one when a chart already uses it. Past
 * the palette's hues, keys get slots ≥ PALETTE_SIZE (the same hues, dashed).
 */
export function colorSlots(keys: readonly string[]): number[] {
  const used = new Set<number>();
  return keys.map((key) => {
    const round = Math.floor(used.size / PALETTE_SIZE);
    const base = round * PALETTE_SIZE;
    let slot = base + (hashKey(key) % PALETTE_SIZE);
    while (used.has(slot)) slot = base + ((slot - base + 1) % PALETTE_SIZE);
    used.add(slot);
    return slot;
  });
}
