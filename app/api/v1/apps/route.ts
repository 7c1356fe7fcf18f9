import { appsCsv } from "@/lib/csv";
import { getTopApps } from "@/lib/queries/apps";
import { readRoute } from "@/lib/server/read-api";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET /api/v1/apps — top apps of a model (or `a+b` sum) over the period; no model = all apps (docs/api.md). */
export const GET = readRoute({
  validate: ({ state }) =>
    state.models.length > 1 ? [{ path: "query.models", message: "name one model (or one a+b sum) for its top apps" }] : [],
  run: ({ db, state }) => getTopApps(db, state),
  csv: appsCsv,
  filename: "modelshare-apps",
});
