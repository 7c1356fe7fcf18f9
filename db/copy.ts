/**
 * `COPY … FROM` on either driver, inside a transaction: the fastest way to move many rows into a table
 * (postgres.js streams `FROM STDIN`; PGlite reads `FROM '/dev/blob'`), in COPY's binary format
 * (db/copy-binary.ts): the server reads each value as it is stored, without parsing text.
 */
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { Db } from "./index";

/** A postgres.js query, with the settlers it calls on the server's answer (replaceable: see copyInto). */
interface PostgresJsQuery {
  writable(): Promise<NodeJS.WritableStream & { destroy(error?: Error): void }>;
  reject: (error: Error) => void;
}
interface PostgresJsTx {
  unsafe(query: string): PostgresJsQuery;
}
interface PgliteTx {
  query(query: string, params?: unknown[], options?: { blob?: Blob }): Promise<unknown>;
}

/** The driver's own transaction object under a Drizzle transaction (Drizzle has no COPY of its own). */
function clientOf(tx: Db): PostgresJsTx | PgliteTx {
  const client = (tx as unknown as { session?: { client?: unknown } }).session?.client;
  if (!client) throw new Error("copyInto needs a Drizzle transaction");
  return client as PostgresJsTx | PgliteTx;
}

/**
 * Copies `chunks` (COPY's binary format, header first and trailer last: db/copy-binary.ts) into
 * `table (columns)`. `table` and `columns` are identifiers written by the caller, never input.
 */
export async function copyInto(tx: Db, table: string, columns: readonly string[], chunks: AsyncIterable<Buffer>, embedded: boolean): Promise<void> {
  const target = `${table} (${columns.join(", ")})`;
  const client = clientOf(tx);
  if (embedded) {
    const parts: Buffer[] = [];
    for await (const chunk of chunks) parts.push(chunk);
    await (client as PgliteTx).query(`copy ${target} from '/dev/blob' with (format binary)`, [], { blob: new Blob(parts as Uint8Array<ArrayBuffer>[]) });
    return;
  }
  const query = (client as PostgresJsTx).unsafe(`copy ${target} from stdin with (format binary)`);
  const writable = await query.writable();
  // postgres.js resolves the query with the stream, and an error the server sends after the end of the data
  // (the last rows refused) went to the settled query and was lost: the COPY never ended. It ends the
  // stream instead, which the pipeline reports.
  query.reject = (error) => writable.destroy(error);
  await pipeline(Readable.from(chunks), writable);
}
