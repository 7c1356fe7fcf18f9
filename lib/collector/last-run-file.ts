/**
 * The last collection of the server's scheduled collector, kept beside the budget's state file
 * (collector-last-run.json), so that a restarted server still shows it and does not collect again before
 * the schedule says so.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { CollectionRecord } from "@/lib/domain/collector-status";

export function lastRunFile(stateFile: string): string {
  return path.join(path.dirname(stateFile), "collector-last-run.json");
}

export function readLastRun(file: string): CollectionRecord | null {
  try {
    const r = JSON.parse(readFileSync(file, "utf8")) as Partial<CollectionRecord>;
    const valid = typeof r.startedAt === "string" && !Number.isNaN(Date.parse(r.startedAt)) && typeof r.finishedAt === "string" && typeof r.ok === "boolean";
    return valid ? (r as CollectionRecord) : null;
  } catch {
    return null; // none yet, or unreadable: the schedule then simply runs at start
  }
}

export function writeLastRun(file: string, record: CollectionRecord): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(record));
  renameSync(tmp, file);
}
