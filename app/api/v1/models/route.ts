import { modelsCsv } from "@/lib/csv";
import { listModels } from "@/lib/queries/models";
import { readRoute } from "@/lib/server/read-api";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET /api/v1/models — the catalogue with tokens in the period (docs/api.md). */
export const GET = readRoute({
  run: ({ db, state, api }) => listModels(db, state, { q: api.q }),
  csv: modelsCsv,
  filename: "modelshare-models",
});
