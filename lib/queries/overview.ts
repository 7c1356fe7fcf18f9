import type { Db } from "@/db";
import type { ViewState } from "@/lib/view/state";
import type { OverviewResult } from "./types";

export async function getOverview(db: Db, state: ViewState): Promise<OverviewResult> {
  void db;
  void state;
  throw new Error("not implemented yet");
}
