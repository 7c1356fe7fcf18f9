import type { Db } from "@/db";
import type { ViewState } from "@/lib/view/state";
import type { ModelDetailResult } from "./types";

/** Everything the model page shows. QueryError 404 when `ref` names no stored model. */
export async function getModelDetail(db: Db, ref: string, state: ViewState): Promise<ModelDetailResult> {
  void db;
  void ref;
  void state;
  throw new Error("not implemented yet");
}
