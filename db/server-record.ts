/**
 * How to reach the server that holds a PGlite folder: its address and ingest token, written beside the
 * folder's lock (db/data-dir-lock.ts) when the server starts, readable by its owner only (mode 0600: the
 * token lets whoever holds it write data). `npm run ingest` and `npm run collect`, finding the folder held,
 * send their work to that server instead of refusing. A record is believed only while the lock names the
 * same live process, so one left behind by a crash is ignored.
 */
import { readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { liveOwnerPid } from "./data-dir-lock";

const RECORD_FILE = "modelshare.server.json";

export interface ServerRecord {
  pid: number;
  /** Base URL on this machine, e.g. http://127.0.0.1:3000 */
  url: string;
  /** The server's INGEST_TOKEN; null when it has none (ingest is closed). */
  token: string | null;
}

export function writeServerRecord(dataDir: string, record: Omit<ServerRecord, "pid">): void {
  const file = path.join(path.resolve(dataDir), RECORD_FILE);
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify({ pid: process.pid, ...record } satisfies ServerRecord), { mode: 0o600 });
  renameSync(tmp, file);
  process.once("exit", () => {
    if (readRecord(file)?.pid === process.pid) rmSync(file, { force: true });
  });
}

/** The live server holding `dataDir`, when it left a record; null when the folder is free or held by something else. */
export function runningServer(dataDir: string): ServerRecord | null {
  const owner = liveOwnerPid(dataDir);
  if (owner === null) return null;
  const record = readRecord(path.join(path.resolve(dataDir), RECORD_FILE));
  return record && record.pid === owner ? record : null;
}

function readRecord(file: string): ServerRecord | null {
  try {
    const r = JSON.parse(readFileSync(file, "utf8")) as Partial<ServerRecord>;
    if (!Number.isInteger(r.pid) || typeof r.url !== "string" || !/^https?:\/\//.test(r.url)) return null;
    return { pid: r.pid!, url: r.url, token: typeof r.token === "string" && r.token ? r.token : null };
  } catch {
    return null;
  }
}
