/**
 * A snapshot's body stored in parts of about a megabyte (snapshot_body_parts), so that no single statement
 * writes megabytes: on PGlite, which runs every statement on the server's own thread, a 500,000-row body
 * (19 MB) written at once stopped every read for about a second. Parts never split a surrogate pair, so each
 * is valid text and their concatenation is the body.
 */
import { sql, type SQL } from "drizzle-orm";
import { rowsOf, type Db } from "@/db";

/** UTF-16 code units per part. */
export const PART_CHARS = 1 << 20;

/** `text` cut into parts of at most `size` code units (one less where a cut would split a surrogate pair). */
export function bodyParts(text: string, size = PART_CHARS): string[] {
  const parts: string[] = [];
  for (let at = 0; at < text.length; ) {
    let end = Math.min(text.length, at + size);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--; // a high surrogate: keep its pair together
    parts.push(text.slice(at, end));
    at = end;
  }
  return parts.length ? parts : [""];
}

/**
 * Inserts the body's header row under `key` (an expression) and its parts, one statement each; returns the
 * key. On Postgres the parts are sent at once (`pipelined`): the server writes them back to back, whatever
 * this thread is doing meanwhile (parsing the same body, in slices). On PGlite each waits for the one before.
 */
export async function insertBody(tx: Db, key: SQL, text: string, callerAsOf: Date | null, pipelined: boolean): Promise<number> {
  const [{ key: stored }] = await rowsOf<{ key: string | number }>(
    tx,
    sql`insert into snapshot_bodies (snapshot_id, caller_as_of) values (${key}, ${callerAsOf?.toISOString() ?? null}::timestamptz) returning snapshot_id as key`,
  );
  const id = Number(stored);
  const inserts = bodyParts(text).map((part, i) => sql`insert into snapshot_body_parts (snapshot_id, part, text) values (${id}, ${i}, ${part})`);
  if (pipelined) await Promise.all(inserts.map((insert) => tx.execute(insert)));
  else for (const insert of inserts) await tx.execute(insert);
  return id;
}

/** A stored body and its caller's as_of, or null when the snapshot has none. */
export async function readBody(tx: Db, snapshotId: number): Promise<{ text: string; callerAsOf: unknown } | null> {
  const [head] = await rowsOf<{ caller_as_of: unknown }>(tx, sql`select caller_as_of from snapshot_bodies where snapshot_id = ${snapshotId}`);
  if (!head) return null;
  const parts = await rowsOf<{ text: string }>(tx, sql`select text from snapshot_body_parts where snapshot_id = ${snapshotId} order by part`);
  return { text: parts.map((p) => p.text).join(""), callerAsOf: head.caller_as_of };
}
