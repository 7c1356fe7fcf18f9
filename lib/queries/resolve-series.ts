/**
 * Model references → stored models. A reference is a public id (`google/gemini-3-flash-preview`,
 * `…:free`) or a permaslug with an optional `:variant` (`google/gemini-3-flash-preview-20251217`,
 * `…-20251217:free`; no suffix = standard). Public ids win over permaslugs; among several models with one
 * public id, the catalogue's newest description wins. Unknown references are a QueryError (400) located
 * at `query.models[i]` (i = the series' index; `[i][j]` for the j-th member of an `a+b` sum).
 */
import type { Db } from "@/db";
import type { ModelSummary } from "./types";

export interface ResolvedSeries {
  /** Stable key: member public ids joined by "+", or "author:<name>". */
  key: string;
  label: string;
  members: ModelSummary[];
  /** Day 0 of launch alignment: the earliest catalogue launch date among the members, else their first day of usage. */
  launchDate: string | null;
}

export async function resolveModelRefs(db: Db, refs: string[][]): Promise<ResolvedSeries[]> {
  void db;
  void refs;
  throw new Error("not implemented yet");
}

export async function resolveAuthors(db: Db, authors: string[]): Promise<ResolvedSeries[]> {
  void db;
  void authors;
  throw new Error("not implemented yet");
}

/** One model by reference (model page): QueryError 404 when unknown. */
export async function resolveModelRef(db: Db, ref: string): Promise<ModelSummary & { inCatalogue: boolean }> {
  void db;
  void ref;
  throw new Error("not implemented yet");
}
