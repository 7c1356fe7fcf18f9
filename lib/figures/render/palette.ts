/**
 * Colours of drawn charts outside the page (embeds, images): the Okabe–Ito palette of app/globals.css in
 * light and dark variants (test/unit/palette.test.ts keeps the two in step). Embeds use CSS variables so
 * one SVG follows the theme; images use the literal colours.
 */
export interface Palette {
  series: readonly string[];
  other: string;
  grid: string;
  axis: string;
  text: string;
  muted: string;
  bg: string;
  border: string;
  accent: string;
  badgeBg: string;
  badgeText: string;
}

export const LIGHT: Palette = {
  series: ["#0072b2", "#c77f00", "#009e73", "#d55e00", "#b8558f", "#56b4e9", "#9a8a00", "#1f2937"],
  other: "#a3acb9",
  grid: "#e2e8f0",
  axis: "#475569",
  text: "#0f172a",
  muted: "#475569",
  bg: "#ffffff",
  border: "#e2e8f0",
  accent: "#4f46e5",
  badgeBg: "#fef3c7",
  badgeText: "#78350f",
};

export const DARK: Palette = {
  series: ["#4ba3e3", "#f0a830", "#2ec29a", "#ff7a3d", "#e596c4", "#9ad6f7", "#f0e442", "#e5e7eb"],
  other: "#64748b",
  grid: "#1e293b",
  axis: "#94a3b8",
  text: "#f1f5f9",
  muted: "#94a3b8",
  bg: "#0f172a",
  border: "#1e293b",
  accent: "#818cf8",
  badgeBg: "#78350f",
  badgeText: "#fef3c7",
};

/** The same palette as CSS variables (embeds define them for light, dark and auto). */
export const CSS_VARS: Palette = {
  series: LIGHT.series.map((_, i) => `var(--series-${i})`),
  other: "var(--series-other)",
  grid: "var(--chart-grid)",
  axis: "var(--chart-axis)",
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

export type Paint = `s${number}` | "other" | "grid" | "axis" | "text" | "muted" | "bg" | "border" | "accent" | "badgeBg" | "badgeText";

export function paint(p: Palette, ref: Paint): string {
  if (ref.startsWith("s") && /^s\d+$/.test(ref)) return p.series[Number(ref.slice(1)) % p.series.length];
  return p[ref as Exclude<Paint, `s${number}`>];
}
