import { appMixCsv } from "@/lib/csv";
import { getAppMix } from "@/lib/queries/apps";
import { readRoute } from "@/lib/server/read-api";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const MAX_APP_ID = 200;

/** GET /api/v1/apps/<appId> — one app's volume and model mix over time (docs/api.md). */
export async function GET(req: Request, ctx: { params: Promise<{ appId: string }> }) {
  const { appId } = await ctx.params;
  return readRoute({
    validate: () => (appId.length > MAX_APP_ID ? [{ path: "appId", message: `longer than ${MAX_APP_ID} characters` }] : []),
    run: ({ db, state }) => getAppMix(db, appId, state),
    csv: appMixCsv,
    filename: `modelshare-app-${appId}`,
  })(req);
}
