import { appMixCsv } from "@/lib/csv";
import { getAppMix } from "@/lib/queries/apps";
import { pathSegmentIssues } from "@/lib/server/query-strict";
import { readRoute } from "@/lib/server/read-api";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET /api/v1/apps/<appId> — one app's volume and model mix over time (docs/api.md). */
export async function GET(req: Request, ctx: { params: Promise<{ appId: string }> }) {
  const { appId } = await ctx.params;
  return readRoute({
    validate: () => pathSegmentIssues("appId", appId),
    run: ({ db, state }) => getAppMix(db, appId, state),
    csv: appMixCsv,
    filename: `modelshare-app-${appId}`,
  })(req);
}
