/**
 * Before any route: a path that is not text (invalid UTF-8, control characters) is a 400 — in the error
 * envelope under /api/, a small page elsewhere — instead of a 500 from deep inside. Before a page renders:
 * while the database is unreachable, answer a 503 page at once (lib/server/outage.ts) instead of letting the
 * page fail after the driver's timeouts. API routes, embeds and images answer 503 in their own error
 * envelope; static files never touch the database.
 */
import { NextResponse, type NextRequest } from "next/server";
import { pathProblem } from "@/lib/domain/path-text";
import { errorResponse } from "@/lib/server/api-error";
import { badPathPage, databaseAvailable, unavailablePage } from "@/lib/server/outage";

/** Routes that answer an outage in their own envelope, without asking the database first. */
const OWN_OUTAGE_ANSWER = /^\/(api|embed)\//;

export async function proxy(req: NextRequest): Promise<Response> {
  const { pathname } = req.nextUrl;
  const problem = pathProblem(pathname);
  if (problem) return pathname.startsWith("/api/") ? errorResponse(400, `invalid path: ${problem}`, [{ path: "path", message: problem }]) : badPathPage(problem);
  if (OWN_OUTAGE_ANSWER.test(pathname)) return NextResponse.next();
  return (await databaseAvailable()) ? NextResponse.next() : unavailablePage();
}

/**
 * /api/ingest is left out: Next buffers a request body for the proxy and cuts it at 10 MB, so a larger
 * snapshot reached the route truncated (a 422 mid-row, or silently fewer rows at a line break). The route
 * answers outages and bad input itself.
 */
export const config = {
  matcher: ["/((?!_next/|favicon\\.ico|embed\\.js|robots\\.txt|api/ingest).*)"],
};
