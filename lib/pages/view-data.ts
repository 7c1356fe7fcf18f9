/**
 * Everything a view shows, loaded once for a state: the pages render it, permalinks store it (pinned data),
 * embeds and images draw charts from it. Each variant is exactly what the page hands its client view, so a
 * pinned permalink renders the same components from stored JSON.
 */
import "server-only";
import type { Db } from "@/db";
import { compareState, TOP_APPS_PER_MODEL, appMixState } from "@/lib/pages/api-queries";
import { getAppMix, getTopApps } from "@/lib/queries/apps";
import { getCompare } from "@/lib/queries/compare";
import { getModelDetail } from "@/lib/queries/model-detail";
import { listAuthors, listModels } from "@/lib/queries/models";
import { getOverview } from "@/lib/queries/overview";
import { getSubsidy } from "@/lib/queries/subsidy";
import { getUsage } from "@/lib/queries/usage";
import { settle } from "@/lib/ui/server-data";
import type { ViewAddress } from "@/lib/view/address";
import { VIEW_DATA_VERSION, type ViewData } from "./view-data-types";
import { getDataBounds } from "@/lib/view/range";
import { DEFAULT_VIEW } from "@/lib/view/state";

export type { ViewData } from "./view-data-types";

export async function loadViewData(db: Db, a: ViewAddress): Promise<ViewData> {
  return { ...(await loadUnversioned(db, a)), version: VIEW_DATA_VERSION };
}

async function loadUnversioned(db: Db, a: ViewAddress): Promise<ViewData> {
  const { state } = a;
  switch (a.view) {
    case "overview": {
      const [overview, bounds] = await Promise.all([getOverview(db, { ...state, models: [], authors: [] }), getDataBounds(db)]);
      return { view: "overview", overview, oldestDay: bounds.oldestDay };
    }
    case "model": {
      const ref = a.subject ?? "";
      const [detail, bounds] = await Promise.all([settle(getModelDetail(db, ref, { ...state, models: [[ref]] })), getDataBounds(db)]);
      return { view: "model", ref, detail: detail.data, error: detail.error, oldestDay: bounds.oldestDay };
    }
    case "compare": {
      const s = compareState(state);
      const ready = s.models.length >= 2;
      const [bounds, catalogue, compare, usage, ...apps] = await Promise.all([
        getDataBounds(db),
        listModels(db, { ...DEFAULT_VIEW }),
        ready ? settle(getCompare(db, s)) : null,
        ready ? settle(getUsage(db, { ...s, authors: [] })) : null,
        ...(ready ? s.models.map((m) => settle(getTopApps(db, { ...s, models: [m], top: TOP_APPS_PER_MODEL }))) : []),
      ]);
      return {
        view: "compare",
        compare: compare?.data ?? null,
        usage: usage?.data ?? null,
        apps: apps.map((a) => a?.data ?? null),
        suggestions: catalogue.models.slice(0, 12),
        oldestDay: bounds.oldestDay,
        error: compare?.error ?? usage?.error ?? apps.find((a) => a?.error)?.error ?? null,
      };
    }
    case "vendors": {
      const [subsidy, authors, bounds] = await Promise.all([settle(getSubsidy(db, { ...state, models: [], variant: "all" })), listAuthors(db), getDataBounds(db)]);
      return { view: "vendors", subsidy: subsidy.data, authors, oldestDay: bounds.oldestDay, error: subsidy.error };
    }
    case "app": {
      const appId = a.subject ?? "";
      const [mix, bounds] = await Promise.all([settle(getAppMix(db, appId, appMixState(state))), getDataBounds(db)]);
      return { view: "app", appId, mix: mix.data, error: mix.error, oldestDay: bounds.oldestDay };
    }
  }
}

/** The problem that keeps a view from showing anything (an unknown model or app…), else null. */
export function viewDataError(d: ViewData): { status: 400 | 404; message: string } | null {
  switch (d.view) {
    case "model":
      return d.detail ? null : { status: 404, message: d.error ?? `unknown model "${d.ref}"` };
    case "app":
      return d.mix ? null : { status: 404, message: d.error ?? `unknown app "${d.appId}"` };
    case "compare":
      return d.error ? { status: 400, message: d.error } : null;
    case "vendors":
      return d.error ? { status: 400, message: d.error } : null;
    case "overview":
      return null;
  }
}

/** The newest as_of among every provenance in the data: "data as of" of a pinned view. */
export function viewDataAsOf(d: ViewData): string | null {
  let newest: string | null = null;
  const visit = (v: unknown, key: string) => {
    if (!v || typeof v !== "object") return;
    if (Array.isArray(v)) return v.forEach((x) => visit(x, ""));
    const o = v as Record<string, unknown>;
    if (key === "provenance" && typeof o.asOf === "string" && (!newest || o.asOf > newest)) newest = o.asOf;
    for (const [k, x] of Object.entries(o)) visit(x, k);
  };
  visit(d, "");
  return newest;
}
