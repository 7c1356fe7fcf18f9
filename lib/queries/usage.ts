import type { Db } from "@/db";
import type { ViewState } from "@/lib/view/state";
import type { UsageResult } from "./types";

export async function getUsage(db: Db, state: ViewState): Promise<UsageResult> {
  void db;
  void state;
  throw new Error("not implemented yet");
}
