/**
 * Pinned permalinks keep the page data as it was when shared (lib/share/permalinks.ts). The shape of that
 * data grows; a payload written by an older version is upgraded here when read, so old links keep rendering
 * what they showed. Version 1 (no `version` field): usage points had no `complete` flag and never held
 * unreported (null) values, so every stored point was complete.
 */
import type { ViewData } from "./view-data";

export const VIEW_DATA_VERSION = 2;

function markComplete(v: unknown): void {
  if (!v || typeof v !== "object") return;
  if (Array.isArray(v)) return v.forEach(markComplete);
  const o = v as Record<string, unknown>;
  if ("period" in o && "tokens" in o && "value" in o && "partial" in o && !("complete" in o)) o.complete = true;
  for (const x of Object.values(o)) markComplete(x);
}

export function upgradeViewData(data: ViewData | null): ViewData | null {
  if (!data || (data.version ?? 1) >= VIEW_DATA_VERSION) return data;
  const copy = structuredClone(data);
  markComplete(copy);
  return { ...copy, version: VIEW_DATA_VERSION };
}
