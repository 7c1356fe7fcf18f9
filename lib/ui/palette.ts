/**
 * Categorical series colours (Okabe–Ito, with dark-mode variants defined in app/globals.css as
 * --series-0..7). Charts use CSS variables so the same SVG follows the theme without re-rendering.
 */
export const PALETTE_SIZE = 8;
export const OTHER_COLOR = "var(--series-other)";

/** The colour of the i-th series; past the palette, colours repeat (callers cap series at PALETTE_SIZE). */
export function seriesColor(i: number): string {
  return `var(--series-${((i % PALETTE_SIZE) + PALETTE_SIZE) % PALETTE_SIZE})`;
}

/** Dash pattern for series beyond the palette, so a repeated colour is still told apart. */
export function seriesDash(i: number): string | undefined {
  return i >= PALETTE_SIZE ? "6 3" : undefined;
}

export const GRID_COLOR = "var(--chart-grid)";
export const AXIS_COLOR = "var(--chart-axis)";
export const CURSOR_COLOR = "var(--chart-cursor)";
