import { sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/db";

/** Everything a user could see, in a stable order, for comparing end states. */
export async function dumpUsage(db: Db) {
  const usage = await rowsOf(
    db,
    sql`select u.day::text as day, m.permaslug, m.variant, u.total_tokens::text as tokens,
               u.prompt_tokens::text as prompt, u.requests::text as requests, u.as_of
        from model_usage_daily u join models m on m.id = u.model_id
        order by u.day, m.permaslug, m.variant`,
  );
  const apps = await rowsOf(
    db,
    sql`select u.app_id, a.name, m.permaslug, m.variant, u.period_kind, u.period_start::text as s, u.period_end::text as e,
               u.total_tokens::text as tokens, u.as_of
        from app_usage u join apps a on a.app_id = u.app_id left join models m on m.id = u.model_id
        order by u.app_id, m.permaslug nulls first, m.variant, u.period_kind, u.period_start, u.period_end`,
  );
  const models = await rowsOf(
    db,
    sql`select permaslug, variant, kind, public_id, author, name, launch_date::text as launch, context_length
        from models order by permaslug, variant`,
  );
  return JSON.parse(JSON.stringify({ usage, apps, models }));
}

export async function count(db: Db, table: "snapshots" | "models" | "model_usage_daily" | "apps" | "app_usage" | "model_prices" | "snapshot_bodies") {
  const [{ n }] = await rowsOf<{ n: number }>(db, sql`select count(*)::int as n from ${sql.identifier(table)}`);
  return Number(n);
}

/** A canonical snapshot with one model and the given daily values. */
export function canonical(capturedAt: string, days: Record<string, string | number>, extra: Record<string, unknown> = {}) {
  return JSON.stringify({
    format: "modelshare.snapshot/v1",
    source: "test",
    capturedAt,
    models: [{ id: "acme/rocket-1", name: "Acme Rocket 1", launchDate: "2026-01-01", contextLength: 128000, pricing: { inputPerM: "1", outputPerM: "2" } }],
    modelUsage: Object.entries(days).map(([date, totalTokens]) => ({ date, model: "acme/rocket-1", totalTokens })),
    ...extra,
  });
}

/** A canonical snapshot declaring `ids` as models (named by their ids), as of 2025-12-01. */
export function catalogueOf(ids: readonly string[]): string {
  return JSON.stringify({ format: "modelshare.snapshot/v1", source: "test", capturedAt: "2025-12-01T00:00:00Z", models: ids.map((id) => ({ id, name: id })) });
}

/** A canonical model-usage CSV of source "test": two comment lines, `header`, then `rows` (line N is rows[N - 4]). */
export function usageCsv(capturedAt: string, header: string, rows: readonly string[][]): string {
  return [`# source: test`, `# capturedAt: ${capturedAt}`, header, ...rows.map((r) => r.join(","))].join("\n") + "\n";
}
