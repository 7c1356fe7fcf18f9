import { describe, expect, it } from "vitest";
import { awaitTurn } from "@/lib/ingest/one-at-a-time";

/** Work done in its turn, as ingestText prepares a snapshot. */
async function oneAtATime<T>(work: () => Promise<T>): Promise<T> {
  const end = await awaitTurn();
  try {
    return await work();
  } finally {
    end();
    end(); // ending a turn twice does nothing
  }
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Work that takes `turns` turns of the event loop, logging when it starts and ends. */
function work(log: string[], name: string, turns: number, fail = false) {
  return async () => {
    log.push(`${name} start`);
    for (let i = 0; i < turns; i++) await turn();
    log.push(`${name} end`);
    if (fail) throw new Error(`${name} failed`);
    return name;
  };
}

describe("preparing snapshots in turns (lib/ingest/one-at-a-time.ts)", () => {
  it("runs work in arrival order, the next starting only when the one before has ended", async () => {
    const log: string[] = [];
    const results = await Promise.all([oneAtATime(work(log, "a", 5)), oneAtATime(work(log, "b", 1)), oneAtATime(work(log, "c", 3))]);
    expect(results).toEqual(["a", "b", "c"]);
    // Interleaved slices would log "a start, b start, c start, b end, …": the first would finish last.
    expect(log).toEqual(["a start", "a end", "b start", "b end", "c start", "c end"]);
  });

  it("a failure is its caller's alone: the work after it still runs", async () => {
    const log: string[] = [];
    const failed = oneAtATime(work(log, "bad", 2, true));
    const next = oneAtATime(work(log, "next", 1));
    await expect(failed).rejects.toThrow("bad failed");
    await expect(next).resolves.toBe("next");
    expect(log).toEqual(["bad start", "bad end", "next start", "next end"]);
  });
});
