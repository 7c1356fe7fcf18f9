/**
 * One command to a dashboard that keeps its own history (issue 12), end to end on the embedded database:
 * `npm start` (scripts/start.ts) with an OpenRouter key collects from the replay server on its own, shows the
 * collection on /api/health and the overview; while it runs, `npm run ingest` and `npm run collect --once`
 * send their work to it and print what they print on their own, with the right exit codes; after SIGTERM
 * the folder is free and the CLI works directly again. Never the internet: test/collector/replay-server.ts.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, statSync, existsSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { systemClock } from "../lib/collector/clock";
import { fixturePath } from "../test/fixtures";
import { startReplayServer, type ReplayServer } from "../test/collector/replay-server";

const PORT = Number(process.env.E2E_LIVE_PORT) || 3222;
const BASE = `http://127.0.0.1:${PORT}`;
const KEY = "sk-or-v1-live-e2e-key-00000000000000000000";
const ROOT = path.resolve(__dirname, "..");
const TSX = path.join(ROOT, "node_modules", ".bin", "tsx");

let replay: ReplayServer;
let dataDir: string;
let server: ChildProcess;
let serverOut = "";

function cliEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, DATABASE_URL: "", DATA_DIR: dataDir, OPENROUTER_API_KEY: KEY, OPENROUTER_BASE_URL: replay.baseUrl, ...env };
}

/**
 * The CLI as a user runs it, not attached to a terminal (so: no progress lines). Asynchronous: the replay
 * server lives in this process and must keep answering the Modelshare server while the CLI runs.
 */
function startCli(script: "ingest" | "collect", args: string[], env: Record<string, string> = {}) {
  const child = spawn(TSX, [`scripts/${script}.ts`, ...args], { cwd: ROOT, env: cliEnv(env), stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  let err = "";
  child.stdout.on("data", (d) => (out += d));
  child.stderr.on("data", (d) => (err += d));
  return new Promise<{ code: number | null; out: string; err: string }>((resolve) => child.once("close", (code) => resolve({ code, out, err })));
}
const cli = startCli;

async function health() {
  const res = await fetch(`${BASE}/api/health`);
  return (await res.json()) as { collector: { enabled: boolean; next: string | null; note: string | null; runningSince: string | null; last: Record<string, unknown> | null } };
}

test.describe.configure({ mode: "serial", timeout: 240_000 });

test.beforeAll(async () => {
  replay = await startReplayServer({ clock: systemClock, key: KEY });
  dataDir = mkdtempSync(path.join(os.tmpdir(), "modelshare-live-"));
  // A server left on the port (an earlier run) would answer for ours.
  expect(await fetch(`${BASE}/api/health`).then(() => `port ${PORT} is in use`, () => "free")).toBe("free");
  // npm start exactly: no INGEST_TOKEN given (it makes one), the key and the replay server's address.
  server = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    cwd: ROOT,
    detached: true, // its own process group: afterAll can end the Next server it starts too
    env: { ...process.env, DATABASE_URL: "", INGEST_TOKEN: "", DATA_DIR: dataDir, PORT: String(PORT), SAMPLE_DATA: "off", OPENROUTER_API_KEY: KEY, OPENROUTER_BASE_URL: replay.baseUrl, COLLECT_EVERY: "6h" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout!.on("data", (d) => (serverOut += d));
  server.stderr!.on("data", (d) => (serverOut += d));
  await expect.poll(() => serverOut, { timeout: 180_000 }).toContain("Modelshare is running at");
});

test.afterAll(async () => {
  if (server?.pid && server.exitCode === null) process.kill(-server.pid, "SIGKILL");
  await replay?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

test("npm start with a key collects on its own and shows the last and next collection", async ({ page }) => {
  expect(serverOut).toContain("Collecting OpenRouter's data every 6h");
  await expect.poll(async () => (await health()).collector.last?.finishedAt ?? null, { timeout: 120_000 }).not.toBeNull();
  const { collector } = await health();
  // The catalogue, the two rankings windows holding the fixture's days and the 4 app categories are new.
  expect(collector.last).toMatchObject({ trigger: "schedule", ok: true, stored: 7, failed: 0, error: null });
  expect(collector.enabled).toBe(true);
  // The next run is one interval after the start of this one (the schedule's clock read, a few ms before the run's own).
  expect(Math.abs(Date.parse(collector.next!) - Date.parse(collector.last!.startedAt as string) - 6 * 3_600_000)).toBeLessThan(1000);
  expect(replay.requests.every((r) => r.authorization === `Bearer ${KEY}`)).toBe(true);
  expect(serverOut).not.toContain(KEY);

  // The address and token left beside the lock: readable by the owner only.
  expect(statSync(path.join(dataDir, "modelshare.server.json")).mode & 0o777).toBe(0o600);

  await page.goto(BASE + "/");
  const status = page.getByRole("group", { name: "Collection from OpenRouter" });
  await expect(status).toContainText("Last collection");
  await expect(status).toContainText(/stored 7, skipped \d+, failed 0 \(\d+ requests to OpenRouter\)/);
  await expect(status).toContainText("Next collection");
  await page.screenshot({ path: path.join(ROOT, "test-results", "live-collection-overview.png"), fullPage: true });
});

test("npm run ingest while the server runs: sent to it, the same summary, exit 1 on a refused file", async () => {
  const rankings = fixturePath("rankings-daily/rankings-daily-2026-09-22.json");
  const first = await cli("ingest", [rankings]);
  expect(first.err).toBe("");
  expect(first.code).toBe(0);
  expect(first.out).toMatch(/rankings-daily-2026-09-22\.json: snapshot #\d+ openrouter-rankings-daily as of 2026-09-22T10:34:37\.721Z: model-days 4590 \(/);
  expect(first.out).not.toMatch(/[\r\x1b]/); // not a terminal: no progress lines

  const bad = path.join(dataDir, "bad.csv");
  writeFileSync(bad, "# source: hand\n# capturedAt: 2026-01-02\ndate,model,total_tokens\n2026-01-01,other,12x\n");
  const again = await cli("ingest", [rankings, bad]);
  expect(again.code).toBe(1);
  expect(again.out).toMatch(/already ingested, nothing changed/);
  expect(again.err).toMatch(/bad\.csv: rejected \(422\)/);
  expect(again.err).toMatch(/row 4\.total_tokens/);
});

test("npm run collect --once while the server runs: the server collects, the CLI prints the run and exits 0", async () => {
  const before = replay.requests.length;
  const r = await cli("collect", ["--once"]);
  expect(r.err).toBe("");
  expect(r.code).toBe(0);
  expect(r.out).toMatch(new RegExp(`^collect: \\S+ from ${replay.baseUrl.replace(/[.]/g, "\\.")} into ${dataDir}`));
  expect(r.out).toMatch(/done: \d+ requests; stored 0, skipped \d+ \(already stored or empty\), failed 0/);
  expect(r.out).toMatch(/freshness: data as of 2026-09-22T10:34:48\.713Z/);
  expect(replay.requests.length).toBeGreaterThan(before);
  expect((await health()).collector.last).toMatchObject({ trigger: "cli", ok: true, stored: 0 });

  const dry = await cli("collect", ["--dry-run"], { OPENROUTER_API_KEY: "" });
  expect(dry.code).toBe(0);
  expect(dry.out).toMatch(/^dry run: models catalogue; rankings-daily /);

  const wrong = await cli("collect", ["--once"], { OPENROUTER_API_KEY: "sk-or-v1-not-the-key-0123456789" });
  expect(wrong.code).toBe(1);
  expect(wrong.err).toMatch(/collect: stopped: OpenRouter rejected the API key \(401 Unauthorized/);
  expect(wrong.out + wrong.err).not.toContain("not-the-key-0123456789");

  const noKey = await cli("collect", ["--once"], { OPENROUTER_API_KEY: "" });
  expect(noKey.code).toBe(2);
  expect(noKey.err).toMatch(/OPENROUTER_API_KEY is not set/);

  // One collection at a time: a second CLI run while the first is held exits 3 and makes no request.
  let release!: () => void;
  replay.failNext("/models", { until: new Promise<void>((r) => (release = r)) });
  const held = startCli("collect", ["--once"]);
  await expect.poll(async () => (await health()).collector.runningSince, { timeout: 60_000 }).not.toBeNull();
  const sent = replay.requests.length;
  const second = await cli("collect", ["--once"]);
  expect(second.code).toBe(3);
  expect(second.err).toMatch(/^collect: a collection is already running in the Modelshare server \(since /);
  expect(replay.requests.length).toBe(sent);
  release();
  expect((await held).code).toBe(0);
});

test("SIGTERM stops the server cleanly; the CLI then works on the folder directly", async () => {
  const exited = new Promise<number | null>((resolve) => server.once("exit", (code) => resolve(code)));
  server.kill("SIGTERM");
  expect(await exited).not.toBeNull();
  expect(existsSync(path.join(dataDir, "modelshare.server.json"))).toBe(false);
  const direct = await cli("ingest", [fixturePath("rankings-daily/rankings-daily-2026-09-22.json")]);
  expect(direct.err).toBe("");
  expect(direct.code).toBe(0);
  expect(direct.out).toMatch(/already ingested, nothing changed/);
});
