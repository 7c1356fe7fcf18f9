/** npm run ingest: files straight into the configured database, through the same code and summary as the route. */
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fixturePath } from "../fixtures";

function ingestCli(dataDir: string, args: string[]) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "scripts/ingest.ts", ...args], {
    cwd: path.resolve(__dirname, "../.."),
    env: { ...process.env, DATABASE_URL: "", DATA_DIR: dataDir },
    encoding: "utf8",
  });
  return { status: r.status, out: r.stdout, err: r.stderr };
}

describe("npm run ingest", () => {
  it("ingests fixtures into a PGlite folder, reports duplicates, and rejects bad files with their location", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "modelshare-cli-"));
    try {
      const rankings = fixturePath("rankings-daily/rankings-daily-2026-09-22.json");
      const first = ingestCli(dir, [rankings]);
      expect(first.err).toBe("");
      expect(first.status).toBe(0);
      expect(first.out).toMatch(/openrouter-rankings-daily as of 2026-09-22T10:34:37\.721Z: model-days 4590 \(\+4590 new/);

      const bad = path.join(dir, "bad.csv");
      writeFileSync(bad, "# source: hand\n# capturedAt: 2026-01-02\ndate,model,total_tokens\n2026-01-01,other,12x\n");
      const again = ingestCli(dir, ["--as-of", "2026-08-18", rankings, bad]);
      expect(again.status).toBe(1);
      expect(again.out).toMatch(/already ingested, nothing changed/);
      expect(again.err).toMatch(/bad\.csv: rejected \(422\)/);
      expect(again.err).toMatch(/row 4\.total_tokens/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
