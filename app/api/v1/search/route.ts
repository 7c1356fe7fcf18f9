import { searchCsv } from "@/lib/csv";
import { search } from "@/lib/queries/search";
import { readRoute } from "@/lib/server/read-api";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET /api/v1/search?q= — models, apps and vendors matching the text, best first (docs/api.md). */
export const GET = readRoute({
  run: ({ db, state, api }) => search(db, api.q ?? "", state.top),
  csv: searchCsv,
  filename: "modelshare-search",
});
