/**
 * The author's own words on a chart (view state `title`, `subtitle`, `note`, `for`): they replace the
 * figure's title, add a subtitle and a note (first footnote), on the one chart they were written for — `for`,
 * else the view's default chart. Plain text: every renderer escapes it (React, embed-html, svg.ts, next/og).
 */
import { CHARTS, DEFAULT_CHART, type ChartId } from "@/lib/view/charts";
import type { ViewState } from "@/lib/view/state";
import type { Figure } from "./types";

export type AuthorWords = Pick<ViewState, "title" | "subtitle" | "note" | "for">;

/** Whether the words of `state` belong to `chart`. */
export function wordsAreFor(chart: ChartId, state: AuthorWords): boolean {
  return (state.for ?? DEFAULT_CHART[CHARTS[chart].view]) === chart;
}

export function hasWords(state: AuthorWords): boolean {
  return Boolean(state.title || state.subtitle || state.note);
}

export function withAuthorWords(fig: Figure, state: AuthorWords): Figure {
  if (!hasWords(state) || !wordsAreFor(fig.chart, state)) return fig;
  return {
    ...fig,
    title: state.title ?? fig.title,
    ...(state.subtitle ? { subtitle: state.subtitle } : {}),
    footnotes: state.note ? [`Note: ${state.note}`, ...fig.footnotes] : fig.footnotes,
  };
}
