/**
 * Passes over a large snapshot's rows in slices, with a turn of the event loop between slices: a 500,000-row
 * snapshot must not stop every other request while it is checked, resolved or encoded (issue 10, item 6).
 */

import type { Db } from "@/db";

/** Rows handled between two turns of the event loop (a few milliseconds of work each). */
export const SLICE = 20_000;

export const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Calls `each` on every row, in order, letting the event loop run between slices. */
export async function eachInSlices<T>(rows: readonly T[], each: (row: T, index: number) => void): Promise<void> {
  for (let start = 0; start < rows.length; start += SLICE) {
    if (start > 0) await nextTurn();
    const end = Math.min(rows.length, start + SLICE);
    for (let i = start; i < end; i++) each(rows[i], i);
  }
}

/**
 * PGlite runs every statement on this thread, and consecutive statements resolve without giving I/O a turn:
 * the same transaction, with each statement started on a fresh turn of the event loop, so requests are
 * answered between any two of them (not only between bulk chunks).
 */
export function turnBeforeEachStatement(tx: Db): Db {
  return new Proxy(tx, {
    get(target, prop, receiver) {
      if (prop !== "execute") return Reflect.get(target, prop, receiver);
      return async (query: Parameters<Db["execute"]>[0]) => {
        await nextTurn();
        return target.execute(query);
      };
    },
  });
}
