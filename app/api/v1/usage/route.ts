import { usageCsv } from "@/lib/csv";
import { getUsage } from "@/lib/queries/usage";
import { readRoute } from "@/lib/server/read-api";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET /api/v1/usage — token time series per model, `a+b` sum or author (docs/api.md). */
export const GET = readRoute({
  run: ({ db, state }) => getUsage(db, state),
  csv: usageCsv,
  filename: "modelshare-usage",
});
