import { ApiError } from "@/lib/domain/api-error";
import { isDay } from "@/lib/ingest/values";
import { makeRedactor } from "@/lib/collector/redact";
import type { CollectEvent } from "@/lib/collector/remote";
import { toErrorResponse } from "@/lib/server/api-error";
import { authorizeIngestOrThrow } from "@/lib/server/auth";
import { serverCollector } from "@/lib/server/collector";
import { readBodyText } from "@/lib/server/read-body";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * POST /api/collect {"apiKey", "from"?, "dryRun"?} — one collection run by the server, for `npm run collect`
 * while the server holds the embedded database (lib/collector/remote.ts). Needs the ingest token. Answers
 * 409 while another collection runs; otherwise streams the run's log as NDJSON events ending in
 * {"done": outcome} (or {"error": message} when the run broke off).
 */
export async function POST(req: Request) {
  try {
    authorizeIngestOrThrow(req);
    const request = parseRequestOrThrow(await readBodyText(req, 16 * 1024, "send only the key, the start day and the dry-run flag"));
    const collector = serverCollector();
    const busy = collector.status().runningSince;
    if (busy) throw new ApiError(409, `a collection is already running in the Modelshare server (since ${busy}); this one makes no request. Wait for it to finish (GET /api/health shows it), then try again.`);

    const redact = makeRedactor([request.apiKey, process.env.OPENROUTER_API_KEY]);
    const stop = new AbortController();
    req.signal.addEventListener("abort", () => stop.abort(new Error("the client went away")), { once: true });
    const encoder = new TextEncoder();
    let out: ReadableStreamDefaultController<Uint8Array>;
    const body = new ReadableStream<Uint8Array>({
      start: (c) => void (out = c),
      cancel: () => stop.abort(new Error("the client went away")),
    });
    const send = (event: CollectEvent) => {
      try {
        out.enqueue(encoder.encode(`${JSON.stringify(event)}\n`));
      } catch {
        /* the client left; the run is being aborted */
      }
    };
    // Called synchronously up to its first await, so the run holds the collector before this answer starts.
    collector
      .run({
        trigger: "cli",
        apiKey: request.apiKey,
        from: request.from,
        dryRun: request.dryRun,
        log: (line) => send({ out: redact(line) }),
        progress: (line) => send({ progress: redact(line) }),
        signal: stop.signal,
      })
      .then(
        (o) => send({ done: { ok: o.ok, failed: o.failed, stoppedBy: o.stoppedBy ? { kind: o.stoppedBy.kind, message: redact(o.stoppedBy.message) } : null } }),
        (e) => send({ error: redact(e instanceof Error ? e.message : String(e)) }),
      )
      .finally(() => {
        try {
          out.close();
        } catch {
          /* already cancelled */
        }
      });
    return new Response(body, { headers: { "content-type": "application/x-ndjson; charset=utf-8", "cache-control": "no-store" } });
  } catch (err) {
    return toErrorResponse(err);
  }
}

interface CollectRequest {
  apiKey: string;
  from?: string;
  dryRun: boolean;
}

function parseRequestOrThrow(text: string): CollectRequest {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new ApiError(400, "expected a JSON object {\"apiKey\", \"from\"?, \"dryRun\"?}");
  }
  const b = (body ?? {}) as Record<string, unknown>;
  const details = [];
  if (typeof b !== "object" || Array.isArray(b)) throw new ApiError(400, "expected a JSON object {\"apiKey\", \"from\"?, \"dryRun\"?}");
  if (b.apiKey !== undefined && (typeof b.apiKey !== "string" || b.apiKey.length > 500)) details.push({ path: "apiKey", message: "must be a string of at most 500 characters" });
  if (b.from !== undefined && b.from !== null && (typeof b.from !== "string" || !isDay(b.from))) details.push({ path: "from", message: "must be a day, YYYY-MM-DD" });
  if (b.dryRun !== undefined && typeof b.dryRun !== "boolean") details.push({ path: "dryRun", message: "must be true or false" });
  if (details.length) throw new ApiError(400, "invalid collection request", details);
  const request = { apiKey: (b.apiKey as string | undefined)?.trim() ?? "", from: (b.from as string | null | undefined) ?? undefined, dryRun: b.dryRun === true };
  if (!request.apiKey && !request.dryRun && !process.env.OPENROUTER_API_KEY) {
    throw new ApiError(400, "no OpenRouter API key: neither the request nor the server has one (OPENROUTER_API_KEY)");
  }
  return request;
}
