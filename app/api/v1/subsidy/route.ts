import { subsidyCsv } from "@/lib/csv";
import { getSubsidy } from "@/lib/queries/subsidy";
import { readRoute } from "@/lib/server/read-api";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET /api/v1/subsidy — free vs paid tokens and free share per author and period (docs/api.md). */
export const GET = readRoute({
  run: ({ db, state }) => getSubsidy(db, state),
  csv: subsidyCsv,
  filename: "modelshare-subsidy",
});
