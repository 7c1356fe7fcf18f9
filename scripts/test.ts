/**
 * npm test: lint (ESLint, with the layer boundaries), unit + integration tests (vitest), then a fresh build and the end-to-end tests (Playwright,
 * Debian's Chromium). Ends with one line: "N passed, N failed".
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { buildIfNeeded } from "./next-build";

const root = process.cwd();
const out = path.join(root, ".test-output");
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);

function run(cmd: string, args: string[], extraEnv: Record<string, string> = {}) {
  return spawnSync(cmd, args, { cwd: root, stdio: "inherit", env: { ...env, ...extraEnv } }).status ?? 1;
}

function readJson(file: string): unknown {
  return existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : null;
}

let passed = 0;
let failed = 0;

// Lint first: Next's rules and the layer boundaries (eslint.config.mjs). Counted as one check.
const lintStatus = run(bin("eslint"), [".", "--max-warnings=50"]);
if (lintStatus === 0) passed++;
else failed++;

const vitestJson = path.join(out, "vitest.json");
const vitestStatus = run(bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestJson}`]);
const v = readJson(vitestJson) as { numPassedTests: number; numFailedTests: number } | null;
passed += v?.numPassedTests ?? 0;
failed += v ? v.numFailedTests : 1;
if (vitestStatus !== 0 && v && v.numFailedTests === 0) failed++; // e.g. a file that failed to load

let e2eStatus = 1;
try {
  buildIfNeeded(root);
  const pwJson = path.join(out, "playwright.json");
  e2eStatus = run(bin("playwright"), ["test", "--reporter=list,json"], { PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson });
  const p = readJson(pwJson) as { stats: { expected: number; unexpected: number; flaky: number } } | null;
  passed += (p?.stats.expected ?? 0) + (p?.stats.flaky ?? 0);
  failed += p ? p.stats.unexpected : 1;
  if (e2eStatus !== 0 && p && p.stats.unexpected === 0) failed++;
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  failed++;
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(lintStatus === 0 && vitestStatus === 0 && e2eStatus === 0 && failed === 0 ? 0 : 1);
