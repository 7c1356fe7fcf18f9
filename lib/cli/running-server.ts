/**
 * The command-line tools and a running server on the same PGlite folder: PGlite allows one process per
 * folder, so when the server holds it, `npm run ingest` and `npm run collect` send their work to it over
 * HTTP (db/server-record.ts says where it listens and its ingest token) instead of refusing.
 */
import { dbOptionsFromEnv } from "@/db";
import { runningServer, type ServerRecord } from "@/db/server-record";
import type { IssueDetail } from "@/lib/domain/api-error";

export type { ServerRecord } from "@/db/server-record";

/** The live Modelshare server holding the embedded database of this environment; null with DATABASE_URL or when none does. */
export function serverHoldingDatabase(env: Record<string, string | undefined>): ServerRecord | null {
  const options = dbOptionsFromEnv(env as NodeJS.ProcessEnv);
  return options.url || !options.dataDir ? null : runningServer(options.dataDir);
}

/** "the Modelshare server (process 1234, http://127.0.0.1:3000)" */
export function describeServer(server: ServerRecord): string {
  return `the Modelshare server (process ${server.pid}, ${server.url})`;
}

/** A refusal from the server, with its status and the located details of its error envelope. */
export class ServerRefusal extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details: IssueDetail[] = [],
  ) {
    super(message);
    this.name = "ServerRefusal";
  }
}

/** POSTs to the server with its ingest token; a non-2xx answer becomes a ServerRefusal carrying its envelope. */
export async function postToServer(
  server: ServerRecord,
  route: string,
  body: BodyInit,
  opts: { contentType?: string; signal?: AbortSignal; fetch?: typeof fetch } = {},
): Promise<Response> {
  if (!server.token) {
    throw new ServerRefusal(401, `${describeServer(server)} holds the database but has no INGEST_TOKEN, so it takes no work; restart it with INGEST_TOKEN set (npm start makes one)`);
  }
  let res: Response;
  try {
    res = await (opts.fetch ?? fetch)(new URL(route, server.url), {
      method: "POST",
      headers: { authorization: `Bearer ${server.token}`, ...(opts.contentType ? { "content-type": opts.contentType } : {}) },
      body,
      signal: opts.signal,
    });
  } catch (e) {
    if (opts.signal?.aborted) throw e;
    const cause = (e as { cause?: { code?: string } }).cause?.code;
    throw new Error(`could not reach ${describeServer(server)}${cause ? ` (${cause})` : ""}; is it still starting or stopping? Try again, or stop it and rerun`);
  }
  if (res.ok) return res;
  const envelope = (await res.json().catch(() => null)) as { error?: { message?: unknown; details?: unknown } } | null;
  const message = typeof envelope?.error?.message === "string" ? envelope.error.message : `${res.status} ${res.statusText}`;
  const details = Array.isArray(envelope?.error?.details) ? (envelope.error.details as IssueDetail[]) : [];
  throw new ServerRefusal(res.status, res.status === 401 ? `${describeServer(server)} refused its own recorded ingest token: ${message}` : message, details);
}
