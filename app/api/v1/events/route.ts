import { eventsCsv } from "@/lib/csv";
import { getViewEvents } from "@/lib/queries/events";
import { readRoute } from "@/lib/server/read-api";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET /api/v1/events?models=…|authors=…&from=&to= — launches, price changes, free tiers and removals (docs/api.md). */
export const GET = readRoute({
  validate: ({ state }) =>
    !state.models.length && !state.authors.length ? [{ path: "query.models", message: "required: models or authors (comma-separated)" }] : [],
  run: ({ db, state }) => getViewEvents(db, state),
  csv: eventsCsv,
  filename: "modelshare-events",
});
