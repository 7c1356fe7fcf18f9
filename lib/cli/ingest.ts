/**
 * npm run ingest -- [--as-of YYYY-MM-DD] [--json] <file>...
 * Each file is its own snapshot, through the same code as POST /api/ingest, printing the same summary.
 * Into DATABASE_URL directly; on the embedded database directly too — or, when a running Modelshare server
 * holds the PGlite folder, through that server's POST /api/ingest (its recorded address and token).
 * Exit code 1 when any file was rejected.
 */
import { readFile } from "node:fs/promises";
import { dbOptionsFromEnv, openDb, type DbHandle } from "@/db";
import { describeSummary, ingestText, type IngestSummary } from "@/lib/ingest";
import { parseAsOfOrThrow } from "@/lib/ingest/as-of";
import { IngestError } from "@/lib/ingest/errors";
import { decodeUtf8OrThrow } from "@/lib/ingest/utf8";
import { describeIngestProgress, type Progress } from "./progress";
import { describeServer, postToServer, serverHoldingDatabase, ServerRefusal, type ServerRecord } from "./running-server";

export const INGEST_USAGE = "usage: npm run ingest -- [--as-of YYYY-MM-DD] [--json] <file>...";

export interface IngestCliDeps {
  env: Record<string, string | undefined>;
  out: (line: string) => void;
  err: (line: string) => void;
  progress: Progress;
}

export async function ingestMain(argv: string[], deps: IngestCliDeps): Promise<number> {
  let asOfArg: string | undefined;
  let json = false;
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--as-of") asOfArg = argv[++i];
    else if (argv[i].startsWith("--as-of=")) asOfArg = argv[i].slice(8);
    else if (argv[i] === "--json") json = true;
    else if (argv[i] === "--help" || argv[i] === "-h") return usage(deps, 0);
    else files.push(argv[i]);
  }
  if (!files.length) return usage(deps, 2);
  const asOf = parseAsOfOrThrow(asOfArg, "--as-of");
  const { progress } = deps;
  const out = (line: string) => progress.print(() => deps.out(line));
  const err = (line: string) => progress.print(() => deps.err(line));

  const server = serverHoldingDatabase(deps.env);
  let handle: DbHandle | undefined;
  let ingest: (file: string, bytes: Uint8Array) => Promise<IngestSummary>;
  if (server) {
    ingest = (file, bytes) => {
      progress.update(`${file}: sending ${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB to ${describeServer(server)}…`);
      return ingestViaServer(server, bytes, asOfArg);
    };
  } else {
    handle = await openDb(dbOptionsFromEnv(deps.env as NodeJS.ProcessEnv));
    const db = handle.db;
    ingest = (file, bytes) => ingestText(db, decodeUtf8OrThrow(bytes), { asOf, onProgress: (p) => progress.update(describeIngestProgress(p, file)) });
  }

  let failed = 0;
  try {
    for (const file of files) {
      try {
        const summary = await ingest(file, await readFile(file));
        out(json ? JSON.stringify({ file, ...summary }) : describeSummary(summary, file));
      } catch (e) {
        failed++;
        if (!(e instanceof IngestError || e instanceof ServerRefusal)) throw e;
        err(`${file}: rejected (${e.status}): ${e.message}`);
        for (const d of e.details.slice(0, 10)) err(`  ${d.path}: ${d.message}`);
      }
    }
  } finally {
    progress.print(() => {});
    await handle?.close();
  }
  return failed ? 1 : 0;
}

/** The route's answer is the same summary ingestText returns; a refusal carries the route's envelope. */
async function ingestViaServer(server: ServerRecord, bytes: Uint8Array, asOf: string | undefined): Promise<IngestSummary> {
  const route = `/api/ingest${asOf ? `?asOf=${encodeURIComponent(asOf)}` : ""}`;
  const res = await postToServer(server, route, new Blob([bytes as Uint8Array<ArrayBuffer>]));
  return (await res.json()) as IngestSummary;
}

function usage(deps: IngestCliDeps, code: number): number {
  deps.out(INGEST_USAGE);
  return code;
}
