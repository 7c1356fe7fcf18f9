/**
 * Pinned permalinks keep the page data as it was when shared (lib/share/permalinks.ts). The shape of that
 * data grows; a payload written by an older version is upgraded here when read, so old links keep rendering
 * what they showed. Version 1 (no `version` field): usage points had no `complete` flag and never held
 * unreported (null) values, so every stored point was complete. Version 2: the compare, vendors and app views
 * kept each API answer with the query string it answered (`{ query, data }`, under `initial` for compare and
 * vendors); version 3 keeps the answers alone, since pages now seed the client by the query options' keys.
 */
import { VIEW_DATA_VERSION, type ViewData } from "./view-data-types";

export { VIEW_DATA_VERSION };

function markComplete(v: unknown): void {
  if (!v || typeof v !== "object") return;
  if (Array.isArray(v)) return v.forEach(markComplete);
  const o = v as Record<string, unknown>;
  if ("period" in o && "tokens" in o && "value" in o && "partial" in o && !("complete" in o)) o.complete = true;
  for (const x of Object.values(o)) markComplete(x);
}

type Answered<T> = { query: string; data: T } | null | undefined;
const answer = <T>(a: Answered<T>): T | null => a?.data ?? null;

/** Version 2's `{ query, data }` wrappers → version 3's answers. */
function unwrapAnswers(d: Record<string, unknown>): ViewData {
  const initial = d.initial as Record<string, unknown> | undefined;
  switch (d.view) {
    case "compare": {
      const i = initial!;
      const apps = (i.apps as Answered<unknown>[]).map(answer);
      return { view: "compare", compare: answer(i.compare as Answered<never>), usage: answer(i.usage as Answered<never>), apps: apps as never, suggestions: i.suggestions as never, oldestDay: i.oldestDay as string | null, error: i.error as string | null };
    }
    case "vendors": {
      const i = initial!;
      return { view: "vendors", subsidy: answer(i.subsidy as Answered<never>), authors: i.authors as never, oldestDay: i.oldestDay as string | null, error: i.error as string | null };
    }
    case "app":
      return { ...(d as unknown as ViewData & { view: "app" }), mix: answer(d.mix as Answered<never>) };
    default:
      return d as unknown as ViewData;
  }
}

export function upgradeViewData(data: ViewData | null): ViewData | null {
  const version = data?.version ?? 1;
  if (!data || version >= VIEW_DATA_VERSION) return data;
  const copy = structuredClone(data) as unknown as Record<string, unknown>;
  if (version < 2) markComplete(copy);
  return { ...unwrapAnswers(copy), version: VIEW_DATA_VERSION };
}
