/**
 * lib/db/data-version.ts: on PGlite the newest snapshot id is kept in memory and forgotten when an ingest
 * commits — across every copy of the module (Next bundles it into the instrumentation hook and each route
 * separately: a memo per copy once kept pages and answers on old data after an ingest).
 */
import { describe, expect, it, vi } from "vitest";
import type { Db } from "@/db";

function fakeDb(embedded: boolean) {
  const state = { id: 1, queries: 0 };
  const db = {
    ...(embedded ? { $client: { waitReady: Promise.resolve() } } : { $client: () => {} }),
    execute: async () => {
      state.queries++;
      return { rows: [{ id: state.id }] };
    },
  } as unknown as Db;
  return { db, state };
}

describe("data version", () => {
  it("is remembered on PGlite until a write, by every copy of the module", async () => {
    const a = await import("@/db/data-version");
    vi.resetModules();
    const b = await import("@/db/data-version");
    expect(a).not.toBe(b);
    const { db, state } = fakeDb(true);
    expect(await a.newestSnapshotId(db)).toBe(1);
    expect(await a.newestSnapshotId(db)).toBe(1);
    expect(await b.newestSnapshotId(db)).toBe(1);
    expect(state.queries).toBe(1);
    state.id = 2;
    b.forgetDataVersion(db); // the ingest route's copy
    expect(await a.newestSnapshotId(db)).toBe(2); // the page cache's copy
  });
  it("is read every time on a Postgres server (other processes write)", async () => {
    const { newestSnapshotId } = await import("@/db/data-version");
    const { db, state } = fakeDb(false);
    await newestSnapshotId(db);
    await newestSnapshotId(db);
    expect(state.queries).toBe(2);
  });
});
