/**
 * npm start: build if needed, then serve on PORT (default 3000). The server migrates the database and,
 * when it is empty, loads the sample data at start-up, and collects OpenRouter's data on a schedule when
 * OPENROUTER_API_KEY is set (instrumentation.ts). Prints the URL, how to ingest and whether it collects.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { buildIfNeeded } from "./next-build";

const root = process.cwd();
const port = Number(process.env.PORT) || 3000;
const dataDir = path.resolve(process.env.DATA_DIR || "./.data");

/** Without INGEST_TOKEN a random one is made once and kept in DATA_DIR, so ingest works out of the box. */
function ingestToken(): string {
  if (process.env.INGEST_TOKEN) return process.env.INGEST_TOKEN;
  const file = path.join(dataDir, "ingest-token");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const token = randomBytes(24).toString("base64url");
  writeFileSync(file, token, { mode: 0o600 });
  return token;
}

async function waitForHealth(url: string, child: ReturnType<typeof spawn>): Promise<boolean> {
  for (let i = 0; i < 600 && child.exitCode === null; i++) {
    try {
      const res = await fetch(url);
      if (res.ok) return true;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

async function main() {
  buildIfNeeded(root);
  const token = ingestToken();
  const child = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", String(port)], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, PORT: String(port), INGEST_TOKEN: token, DATA_DIR: dataDir, NEXT_TELEMETRY_DISABLED: "1", NEXT_MANUAL_SIG_HANDLE: "1" },
  });
  for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => child.kill(sig));
  child.on("exit", (code) => process.exit(code ?? 0));

  const base = `http://localhost:${port}`;
  if (await waitForHealth(`${base}/api/health`, child)) {
    const where = process.env.DATABASE_URL ? "the Postgres server in DATABASE_URL" : `the embedded database in ${dataDir}`;
    const every = process.env.COLLECT_EVERY || "6h";
    const collecting = process.env.OPENROUTER_API_KEY
      ? `Collecting OpenRouter's data every ${every} (COLLECT_EVERY); the overview and ${base}/api/health show the last and next run.`
      : `Not collecting: restart with OPENROUTER_API_KEY=… to collect OpenRouter's data every ${every} (docs/collector.md).`;
    console.log(`
  Modelshare is running at ${base}  (data: ${where})
  ${collecting}

  Ingest a snapshot (also while this server runs):
    npm run ingest -- snapshot.json
  or over HTTP:
    curl -X POST ${base}/api/ingest -H "Authorization: Bearer ${process.env.INGEST_TOKEN ? "$INGEST_TOKEN" : token}" --data-binary @snapshot.json
`);
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
