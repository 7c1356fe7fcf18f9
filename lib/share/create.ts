/**
 * Creating a share (POST /api/share): the request names a view, its subject, the chart it came from and
 * the view's query; the state is validated by lib/view/state.ts (a located 400 per bad parameter) and
 * stored in its canonical form. `pinned` (the default) also stores what the view shows now — its queries'
 * JSON, at most PERMALINK_MAX_BYTES — so the link keeps showing it after restatements and new snapshots.
 */
import "server-only";
import { createHmac } from "node:crypto";
import { z } from "zod";
import type { Db } from "@/db";
import { QueryError } from "@/lib/queries/errors";
import { newestSnapshotId } from "@/lib/server/read-api";
import { chartHref, isValidSubject, pageHref, permalinkPath, stateQuery, type ViewAddress } from "@/lib/view/address";
import { CHARTS, isChartId } from "@/lib/view/charts";
import { PAGE_DEFAULTS, parseViewState, VIEWS } from "@/lib/view/state";
import { createPermalink, rateLimitsFromEnv, type RateLimits } from "./permalinks";
import { loadViewData, viewDataAsOf, viewDataError } from "@/lib/pages/view-data";

export const SHARE_BODY_MAX_BYTES = 8 * 1024;

function maxPinnedBytes(env: NodeJS.ProcessEnv = process.env): number {
  return Number(env.PERMALINK_MAX_BYTES) || 1_000_000;
}

const shareRequest = z.object({
  view: z.enum(VIEWS),
  subject: z.string().max(200).nullish(),
  chart: z.string().max(64).nullish(),
  /** The page's query string, with or without "?". */
  query: z.string().max(4000).default(""),
  mode: z.enum(["pinned", "live"]).default("pinned"),
});
export type ShareRequest = z.input<typeof shareRequest>;

export interface ShareResult {
  id: string;
  mode: "pinned" | "live";
  /** /s/<id>: the pinned view (pinned), or a short link that redirects to the live view (live). */
  url: string;
  /** The live view: its page URL with the state. */
  liveUrl: string;
  pinnedUrl: string | null;
  embedUrl: string;
  /** Newest as_of behind the pinned data. */
  asOf: string | null;
}

export class ShareError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details: { path: string; message: string }[] = [],
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

/** A keyed hash of the client's address: enough to count its shares, never the address itself. */
export function creatorHash(address: string, env: NodeJS.ProcessEnv = process.env): string {
  return createHmac("sha256", env.SHARE_SALT || "modelshare-permalinks").update(address).digest("base64url").slice(0, 32);
}

export async function createShare(
  db: Db,
  body: unknown,
  ctx: { origin: string; client: string; limits?: RateLimits; maxBytes?: number; now?: Date },
): Promise<ShareResult> {
  const parsed = shareRequest.safeParse(body);
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => ({ path: `body.${i.path.join(".") || "(root)"}`, message: i.message }));
    throw new ShareError(400, `invalid share request: ${details[0].path}: ${details[0].message}`, details);
  }
  const req = parsed.data;
  const subject = req.subject ?? null;
  if (!isValidSubject(req.view, subject)) {
    throw new ShareError(400, `invalid subject for the ${req.view} view`, [{ path: "body.subject", message: req.view === "model" || req.view === "app" ? `the ${req.view} view needs its id` : "this view takes no subject" }]);
  }
  const chart = req.chart ?? null;
  if (chart !== null && (!isChartId(chart) || CHARTS[chart].view !== req.view)) {
    throw new ShareError(400, `unknown chart "${chart}" for the ${req.view} view`, [{ path: "body.chart", message: "not a chart of this view" }]);
  }
  const { state, issues } = parseViewState(new URLSearchParams(req.query.replace(/^\?/, "")), PAGE_DEFAULTS[req.view]);
  if (issues.length) throw new ShareError(400, `invalid query parameter ${issues[0].path.replace(/^query\./, "").replace(/\[.*$/, "")}: ${issues[0].message}`, issues);
  const address: ViewAddress = { view: req.view, subject, state };

  let data = null;
  let bytes = 0;
  let asOf: string | null = null;
  // Both modes load the view: an unknown model or app is a 404 whether or not its data is stored.
  const loaded = await loadViewData(db, address);
  const problem = viewDataError(loaded);
  if (problem) throw new QueryError(problem.status, problem.message);
  if (req.mode === "pinned") {
    data = loaded;
    bytes = Buffer.byteLength(JSON.stringify(data));
    const max = ctx.maxBytes ?? maxPinnedBytes();
    if (bytes > max) {
      throw new ShareError(413, `this view's data is ${bytes} bytes, more than the ${max} a pinned link stores: narrow the range or share a live link`, [
        { path: "body.query", message: "too much data to pin" },
      ]);
    }
    asOf = viewDataAsOf(data);
  }
  const created = await createPermalink(
    db,
    {
      view: req.view,
      subject,
      chart,
      query: stateQuery(req.view, state).replace(/^\?/, ""),
      mode: req.mode,
      data,
      dataBytes: bytes,
      asOf,
      snapshotId: req.mode === "pinned" ? await newestSnapshotId(db) : null,
      creatorHash: creatorHash(ctx.client),
    },
    ctx.limits ?? rateLimitsFromEnv(),
    ctx.now,
  );
  if (!created.ok) {
    const who = created.scope === "client" ? "from this address" : "on this server";
    throw new ShareError(429, `too many permalinks created ${who} in the last hour; try again in ${created.retryAfterSeconds} s`, [], created.retryAfterSeconds);
  }
  const abs = (p: string) => `${ctx.origin}${p}`;
  const id = created.id;
  return {
    id,
    mode: req.mode,
    url: abs(permalinkPath(id)),
    liveUrl: abs(pageHref(address)),
    pinnedUrl: req.mode === "pinned" ? abs(permalinkPath(id)) : null,
    embedUrl: abs(chartHref("/embed", { kind: "permalink", id, chart })),
    asOf,
  };
}
