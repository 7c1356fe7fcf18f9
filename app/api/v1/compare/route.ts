import { compareCsv } from "@/lib/csv";
import { getCompare, MAX_COMPARE } from "@/lib/queries/compare";
import { readRoute } from "@/lib/server/read-api";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET /api/v1/compare?models=a,b,… — specs, totals, top apps, ratios and estimated spend (docs/api.md). */
export const GET = readRoute({
  validate: ({ state }) =>
    !state.models.length
      ? [{ path: "query.models", message: `required: 1 to ${MAX_COMPARE} comma-separated model ids` }]
      : state.models.length > MAX_COMPARE
        ? [{ path: "query.models", message: `at most ${MAX_COMPARE} models (got ${state.models.length})` }]
        : [],
  run: ({ db, state }) => getCompare(db, state),
  csv: compareCsv,
  filename: "modelshare-compare",
});
