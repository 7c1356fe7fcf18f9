/**
 * Lighthouse (mobile defaults: simulated throttling, Moto G-class CPU and slow 4G) on every page of the built
 * app serving the embedded sample data (PGlite in a fresh folder, as `npm start` does; no DATABASE_URL), in
 * Debian's Chromium. Prints per page the four category scores, LCP, TBT, CLS and the JavaScript transferred
 * by the first load, then which pages miss the goals (issue 15: performance ≥ 90, accessibility 100,
 * ≤ 170 KB of JavaScript). Scores are one run's (`BENCH_LH_RUNS=n`: the median run by performance);
 * the machine's load moves them, so the load average is printed with them. `BENCH_LH_PAGES=overview|compare`:
 * only the pages whose name matches.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import * as chromeLauncher from "chrome-launcher";
import type { Result as Lhr } from "lighthouse";
import { startApp } from "./server";

const PORT = Number(process.env.BENCH_LH_PORT) || 3310;
const CHROMIUM = process.env.CHROME_PATH || "/usr/bin/chromium";
const RUNS = Math.max(1, Number(process.env.BENCH_LH_RUNS) || 1);
const ONLY = process.env.BENCH_LH_PAGES ? new RegExp(`^(?:${process.env.BENCH_LH_PAGES})$`) : null;
const GOALS = { performance: 90, accessibility: 100, jsKb: 170 };

// Ids from the sample dataset (lib/sample): two models with data in January 2026, an app, a vendor.
const MODELS = ["google/gemini-3-flash-preview", "anthropic/claude-haiku-4.5"];
const COMPARE_QUERY = `models=${MODELS.join(",")}&from=2026-01-01&to=2026-01-31`;

async function pages(base: string): Promise<[name: string, path: string][]> {
  const list: [string, string][] = [
    ["overview", "/"],
    ["compare", `/compare?${COMPARE_QUERY}`],
    ["vendors", "/vendors"],
    ["vendor", "/vendors/google"],
    ["models", "/models"],
    ["model", `/models/${MODELS[0]}`],
    ["apps", "/apps"],
    ["app", "/apps/kilo-code"],
    ["methods", "/methods"],
  ];
  const res = await fetch(`${base}/api/share`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ view: "compare", query: COMPARE_QUERY, mode: "pinned" }),
  });
  if (res.ok) list.push(["permalink", new URL(((await res.json()) as { url: string }).url).pathname]);
  else console.error(`no permalink (POST /api/share answered ${res.status}); measuring the other pages`);
  list.push(["embed", `/embed/compare/compare-usage?${COMPARE_QUERY}`]);
  return list;
}

interface Row {
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  jsBytes: number;
  /** Lighthouse's CPU benchmark of this machine at the time (higher is faster): its simulated 4× slowdown is
   * applied to what it measures here, so scores follow it. */
  benchmarkIndex: number;
}

function rowOf(lhr: Lhr): Row {
  const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
  const num = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
  const items = (lhr.audits["resource-summary"]?.details as { items?: { resourceType: string; transferSize: number }[] } | undefined)?.items ?? [];
  return {
    performance: score("performance"),
    accessibility: score("accessibility"),
    bestPractices: score("best-practices"),
    seo: score("seo"),
    lcpMs: num("largest-contentful-paint"),
    tbtMs: num("total-blocking-time"),
    cls: num("cumulative-layout-shift"),
    jsBytes: items.find((i) => i.resourceType === "script")?.transferSize ?? 0,
    benchmarkIndex: lhr.environment?.benchmarkIndex ?? NaN,
  };
}

/**
 * One Lighthouse run by its CLI under plain node: run in-process under tsx, the functions Lighthouse sends to
 * the page carry esbuild's `__name` helper and fail there ("__name is not defined").
 */
async function lighthouse(port: number, url: string): Promise<Lhr> {
  const cli = path.join(process.cwd(), "node_modules/lighthouse/cli/index.js");
  const args = [cli, url, `--port=${port}`, "--output=json", "--output-path=stdout", "--quiet", "--form-factor=mobile", "--only-categories=performance,accessibility,best-practices,seo"];
  const { stdout } = await promisify(execFile)(process.execPath, args, { maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(stdout) as Lhr;
}

async function measure(port: number, url: string): Promise<Row> {
  const runs: Row[] = [];
  for (let i = 0; i < RUNS; i++) {
    runs.push(rowOf(await lighthouse(port, url)));
  }
  runs.sort((a, b) => a.performance - b.performance);
  return runs[Math.floor(runs.length / 2)];
}

const kb = (b: number) => (b / 1024).toFixed(1);

export async function runLighthouseBench(): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "ms-lighthouse-"));
  // The embedded database: whatever DATABASE_URL the other benchmarks use is not this one's.
  const app = await startApp(PORT, { DATABASE_URL: "", DATA_DIR: dataDir, INGEST_TOKEN: "bench" });
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu"] });
  try {
    const list = (await pages(app.base)).filter(([name]) => !ONLY || ONLY.test(name));
    const load = loadavg()[0].toFixed(2);
    console.log(`\n## Lighthouse ${RUNS > 1 ? `(median of ${RUNS} runs) ` : ""}mobile, simulated throttling (load average ${load} at start)\n`);
    console.log("| page | performance | accessibility | best practices | SEO | LCP | TBT | CLS | JS transfer |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
    const misses: string[] = [];
    const benchmarks: number[] = [];
    for (const [name, p] of list) {
      const r = await measure(chrome.port, `${app.base}${p}`);
      benchmarks.push(r.benchmarkIndex);
      console.log(`| ${name} \`${p.length > 48 ? `${p.slice(0, 47)}…` : p}\` | ${r.performance} | ${r.accessibility} | ${r.bestPractices} | ${r.seo} | ${(r.lcpMs / 1000).toFixed(1)} s | ${Math.round(r.tbtMs)} ms | ${r.cls.toFixed(3)} | ${kb(r.jsBytes)} KB |`);
      const why = [
        r.performance < GOALS.performance && `performance ${r.performance}`,
        r.accessibility < GOALS.accessibility && `accessibility ${r.accessibility}`,
        r.jsBytes > GOALS.jsKb * 1024 && `${kb(r.jsBytes)} KB JS`,
      ].filter(Boolean);
      if (why.length) misses.push(`${name} (${why.join(", ")})`);
    }
    console.log(`\nload average at the end ${loadavg()[0].toFixed(2)}; Lighthouse's CPU benchmark index ${Math.round(Math.min(...benchmarks))}–${Math.round(Math.max(...benchmarks))} (higher is faster; scores follow it)`);
    console.log(
      misses.length
        ? `goals (performance ≥ ${GOALS.performance}, accessibility ${GOALS.accessibility}, JS ≤ ${GOALS.jsKb} KB) missed by ${misses.length} of ${list.length} pages: ${misses.join("; ")}`
        : `every page (${list.length}) meets the goals: performance ≥ ${GOALS.performance}, accessibility ${GOALS.accessibility}, JS ≤ ${GOALS.jsKb} KB`,
    );
  } finally {
    chrome.kill();
    await app.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  runLighthouseBench().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
