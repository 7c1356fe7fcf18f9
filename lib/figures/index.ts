/** A chart of a view's data → its figure (null when the view has no such chart for this data). */
import type { ViewData } from "@/lib/pages/view-data";
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
    case "compare": {
      const i = data.initial;
      return compareFigure(chart, { compare: i.compare?.data ?? null, usage: i.usage?.data ?? null, apps: i.apps.map((a) => a.data) }, state);
    }
    case "vendors":
      return data.initial.subsidy ? vendorsFigure(chart, data.initial.subsidy.data, state) : null;
    case "app":
      return data.mix ? appFigure(chart, data.mix.data, state.metric === "share") : null;
  }
}

export type { Figure } from "./types";
