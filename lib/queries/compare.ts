import type { Db } from "@/db";
import type { ViewState } from "@/lib/view/state";
import type { CompareResult } from "./types";

export async function getCompare(db: Db, state: ViewState): Promise<CompareResult> {
  void db;
  void state;
  throw new Error("not implemented yet");
}
