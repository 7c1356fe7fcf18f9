/**
 * `npm run collect` while a Modelshare server holds the PGlite folder: the run is done by the server
 * (POST /api/collect, authenticated with its ingest token) and its log streamed back as NDJSON, one event a
 * line — {"out": line} | {"err": line} | {"progress": line}, then {"done": RunOutcome}, or {"error": message}
 * when the run broke off — so the CLI prints what it would have printed itself and exits with the same code.
 */
import { postToServer, ServerRefusal, type ServerRecord } from "@/lib/cli/running-server";
import { CollectorLockedError } from "./errors";
import type { RunOutcome } from "./session";

export interface RemoteCollectRequest {
  /** The CLI's OPENROUTER_API_KEY (the server may have none of its own). */
  apiKey: string;
  from?: string;
  dryRun?: boolean;
}

export type CollectEvent = { out: string } | { err: string } | { progress: string } | { done: RunOutcome } | { error: string };

export interface RemoteDeps {
  out: (line: string) => void;
  err: (line: string) => void;
  progress?: (line: string) => void;
  signal?: AbortSignal;
  fetch?: typeof fetch;
}

export async function collectViaServer(server: ServerRecord, request: RemoteCollectRequest, deps: RemoteDeps): Promise<RunOutcome> {
  let res: Response;
  try {
    res = await postToServer(server, "/api/collect", JSON.stringify(request), { contentType: "application/json", signal: deps.signal, fetch: deps.fetch });
  } catch (e) {
    if (e instanceof ServerRefusal && e.status === 409) throw new CollectorLockedError(e.message);
    throw e;
  }
  let done: RunOutcome | null = null;
  for await (const event of ndjson(res)) {
    if ("out" in event) deps.out(event.out);
    else if ("err" in event) deps.err(event.err);
    else if ("progress" in event) deps.progress?.(event.progress);
    else if ("done" in event) done = event.done;
    else if ("error" in event) throw new Error(event.error);
  }
  if (!done) throw new Error("the server's answer ended before the collection did (was the server stopped?)");
  return done;
}

async function* ndjson(res: Response): AsyncGenerator<CollectEvent> {
  if (!res.body) return;
  const decoder = new TextDecoder();
  let buffered = "";
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    buffered += decoder.decode(chunk, { stream: true });
    let nl: number;
    while ((nl = buffered.indexOf("\n")) >= 0) {
      const line = buffered.slice(0, nl).trim();
      buffered = buffered.slice(nl + 1);
      if (line) yield JSON.parse(line) as CollectEvent;
    }
  }
  if (buffered.trim()) yield JSON.parse(buffered) as CollectEvent;
}
