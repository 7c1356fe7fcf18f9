/** A chart of a view's data → its figure (null when the view has no such chart for this data). */
import type { ViewData } from "@/lib/pages/view-data-types";
import { CHARTS, type ChartId } from "@/lib/view/charts";
import type { ViewState } from "@/lib/view/state";
import { appFigure } from "./app";
import { withAuthorWords } from "./author-words";
import { compareFigure } from "./compare";
import { modelFigure } from "./model";
import { overviewFigure } from "./overview";
import type { Figure } from "./types";
import { vendorsFigure } from "./vendors";

export function figureFor(data: ViewData, chart: ChartId, state: ViewState): Figure | null {
  const fig = figureOf(data, chart, state);
  return fig && withAuthorWords(fig, state);
}

function figureOf(data: ViewData, chart: ChartId, state: ViewState): Figure | null {
  if (CHARTS[chart].view !== data.view) return null;
  switch (data.view) {
    case "overview":
      return data.overview.week ? overviewFigure(chart, data.overview, state.interval) : null;
    case "model":
      return data.detail ? modelFigure(chart, data.detail, state) : null;
    case "compare":
      return compareFigure(chart, { compare: data.compare, usage: data.usage, apps: data.apps }, state);
    case "vendors":
      return data.subsidy ? vendorsFigure(chart, data.subsidy, state) : null;
    case "app":
      return data.mix ? appFigure(chart, data.mix, state.metric === "share") : null;
  }
}

export type { Figure } from "./types";
