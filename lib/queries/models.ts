import type { Db } from "@/db";
import type { ViewState } from "@/lib/view/state";
import type { AuthorSummary, ModelListItem, ModelsResult } from "./types";

/** The catalogue (bucket excluded) with tokens in the range; filtered by state.authors, state.variant and `q`. */
export async function listModels(db: Db, state: ViewState, opts: { q?: string | null } = {}): Promise<ModelsResult> {
  void db;
  void state;
  void opts;
  throw new Error("not implemented yet");
}

/** The picker's search: id, permaslug, name or author containing `q` (case-insensitive), most used first. */
export async function searchModels(db: Db, q: string, limit = 20): Promise<ModelListItem[]> {
  void db;
  void q;
  void limit;
  throw new Error("not implemented yet");
}

export async function listAuthors(db: Db): Promise<AuthorSummary[]> {
  void db;
  throw new Error("not implemented yet");
}
