import type { Db } from "@/db";
import type { ViewState } from "@/lib/view/state";
import type { AppMixResult, AppsResult } from "./types";

/** Top apps of state.models[0] (a model or an `a+b` sum) over the range; no models = all apps overall. Limit: state.top. */
export async function getTopApps(db: Db, state: ViewState): Promise<AppsResult> {
  void db;
  void state;
  throw new Error("not implemented yet");
}

/** One app's tokens per model per period (its model mix over time). QueryError 404 for an unknown app. */
export async function getAppMix(db: Db, appId: string, state: ViewState): Promise<AppMixResult> {
  void db;
  void appId;
  void state;
  throw new Error("not implemented yet");
}
