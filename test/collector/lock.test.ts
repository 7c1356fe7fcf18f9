/** One collector per database: the second one refuses, before making any request. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { main } from "@/lib/collector/cli";
import { PG_URL } from "../db";
import { FakeClock, FIXTURE_NOW } from "./fake-clock";
import { harness, KEY, type Harness } from "./harness";
import { startReplayServer } from "./replay-server";

describe.runIf(PG_URL)("two collectors on one Postgres database", () => {
  let h: Harness;
  afterEach(() => h?.close());

  it("the second refuses while the first runs, and may run once the first is done", async () => {
    h = await harness("postgres");
    let release!: () => void;
    h.server.failNext("/models", { until: new Promise<void>((r) => (release = r)) });

    const first = h.run(["--once", "--from", "2026-06-24"]);
    while (h.server.to("/models").length === 0) await new Promise((r) => setTimeout(r, 20)); // first is mid-run

    const second = await h.run(["--once"]);
    expect(second.code).toBe(3);
    expect(second.err).toMatch(/another collector is running against this database \(its connection is backend pid \d+.*\); this one exits without making any request/);
    expect(second.requests).toHaveLength(0);

    release();
    const done = await first;
    expect(done.code).toBe(0);

    const third = await h.run(["--once"]); // the lock went with the first collector
    expect(third.code).toBe(0);
  });
});

describe("a collector on a PGlite folder held by another process", () => {
  it("says another collector (or the server) is running", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "collector-pglite-"));
    writeFileSync(path.join(dir, "modelshare.pid"), String(process.ppid)); // a live process that is not us
    const clock = new FakeClock(FIXTURE_NOW);
    const server = await startReplayServer({ clock, key: KEY });
    const err: string[] = [];
    try {
      const code = await main(["--once"], {
        env: { OPENROUTER_API_KEY: KEY, OPENROUTER_BASE_URL: server.baseUrl, DATA_DIR: dir },
        out: () => {},
        err: (l) => err.push(l),
        clock,
      });
      expect(code).toBe(3);
      expect(err.join("\n")).toMatch(new RegExp(`another collector is running \\(or the Modelshare server\\): process ${process.ppid} holds the embedded database in ${dir}`));
      expect(server.requests).toHaveLength(0);
    } finally {
      await server.close();
    }
  });
});
