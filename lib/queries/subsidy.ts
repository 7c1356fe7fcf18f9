import type { Db } from "@/db";
import type { ViewState } from "@/lib/view/state";
import type { SubsidyResult } from "./types";

export async function getSubsidy(db: Db, state: ViewState): Promise<SubsidyResult> {
  void db;
  void state;
  throw new Error("not implemented yet");
}
