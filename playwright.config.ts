import { defineConfig, devices } from "@playwright/test";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const PORT = Number(process.env.E2E_PORT) || 3217;
/** A second server with the sample data loaded (the dashboard's correctness targets are defined on it). */
export const SAMPLE_PORT = Number(process.env.E2E_SAMPLE_PORT) || 3218;
export const E2E_INGEST_TOKEN = "e2e-ingest-token";
/** Sharing (issue 4): its own sample-data server, an empty one for the tests that ingest (a first real
 * snapshot replaces the sample), and a second origin serving a page that embeds charts in iframes. */
export const SHARE_PORT = Number(process.env.E2E_SHARE_PORT) || 3219;
export const SHARE_INGEST_PORT = Number(process.env.E2E_SHARE_INGEST_PORT) || 3220;
export const HOST_PORT = Number(process.env.E2E_HOST_PORT) || 3229;

// The built app on an empty embedded database (no sample data), as a new user's first ingest would see it.
const dataDir = process.env.E2E_DATA_DIR || mkdtempSync(path.join(os.tmpdir(), "modelshare-e2e-"));
process.env.E2E_DATA_DIR = dataDir; // workers re-evaluate this file: keep one folder
const sampleDir = process.env.E2E_SAMPLE_DATA_DIR || mkdtempSync(path.join(os.tmpdir(), "modelshare-e2e-sample-"));
process.env.E2E_SAMPLE_DATA_DIR = sampleDir;
const shareDir = process.env.E2E_SHARE_DATA_DIR || mkdtempSync(path.join(os.tmpdir(), "modelshare-e2e-share-"));
process.env.E2E_SHARE_DATA_DIR = shareDir;
const shareIngestDir = process.env.E2E_SHARE_INGEST_DATA_DIR || mkdtempSync(path.join(os.tmpdir(), "modelshare-e2e-share-ingest-"));
process.env.E2E_SHARE_INGEST_DATA_DIR = shareIngestDir;
const INGESTING = /[\\/]e2e[\\/]sharing[\\/](hostile|permalink)\.spec\.ts$/;

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  timeout: 60_000,
  fullyParallel: false,
  workers: 1,
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    ...devices["Desktop Chrome"],
    contextOptions: { reducedMotion: "reduce" },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
      ],
    },
  },
  projects: [
    // The empty instance: a new user's first ingest.
    { name: "empty", testIgnore: /[\\/]e2e[\\/](dashboard|sharing)[\\/]/ },
    // The dashboard's pages on the sample data.
    { name: "dashboard", testMatch: /[\\/]e2e[\\/]dashboard[\\/].*\.spec\.ts$/, use: { baseURL: `http://127.0.0.1:${SAMPLE_PORT}` } },
    // Permalinks, embeds (framed from a second origin), oEmbed, link previews, downloads, URL round trips.
    { name: "sharing", testMatch: /[\\/]e2e[\\/]sharing[\\/].*\.spec\.ts$/, testIgnore: INGESTING, use: { baseURL: `http://127.0.0.1:${SHARE_PORT}` } },
    // Pinned permalinks across restatements, hostile names: they ingest, so they get an instance of their own.
    { name: "sharing-ingest", testMatch: INGESTING, use: { baseURL: `http://127.0.0.1:${SHARE_INGEST_PORT}` } },
  ],
  webServer: [
    {
      command: `node node_modules/next/dist/bin/next start -p ${PORT} -H 127.0.0.1`,
      url: `http://127.0.0.1:${PORT}/api/health`,
      reuseExistingServer: false,
      timeout: 120_000,
      env: {
        DATABASE_URL: "",
        DATA_DIR: dataDir,
        SAMPLE_DATA: "off",
        INGEST_TOKEN: E2E_INGEST_TOKEN,
        NEXT_TELEMETRY_DISABLED: "1",
        NEXT_MANUAL_SIG_HANDLE: "1",
      },
    },
    {
      command: `node node_modules/next/dist/bin/next start -p ${SAMPLE_PORT} -H 127.0.0.1`,
      // /api/health answers once the database (and the sample data, on first start) is ready.
      url: `http://127.0.0.1:${SAMPLE_PORT}/api/health`,
      reuseExistingServer: false,
      timeout: 180_000,
      env: {
        DATABASE_URL: "",
        DATA_DIR: sampleDir,
        INGEST_TOKEN: E2E_INGEST_TOKEN,
        NEXT_TELEMETRY_DISABLED: "1",
        NEXT_MANUAL_SIG_HANDLE: "1",
      },
    },
    {
      command: `node node_modules/next/dist/bin/next start -p ${SHARE_PORT} -H 127.0.0.1`,
      url: `http://127.0.0.1:${SHARE_PORT}/api/health`,
      reuseExistingServer: false,
      timeout: 180_000,
      env: {
        DATABASE_URL: "",
        DATA_DIR: shareDir,
        INGEST_TOKEN: E2E_INGEST_TOKEN,
        SHARE_RATE_LIMIT: "500",
        NEXT_TELEMETRY_DISABLED: "1",
        NEXT_MANUAL_SIG_HANDLE: "1",
      },
    },
    {
      command: `node node_modules/next/dist/bin/next start -p ${SHARE_INGEST_PORT} -H 127.0.0.1`,
      url: `http://127.0.0.1:${SHARE_INGEST_PORT}/api/health`,
      reuseExistingServer: false,
      timeout: 120_000,
      env: {
        DATABASE_URL: "",
        DATA_DIR: shareIngestDir,
        SAMPLE_DATA: "off",
        INGEST_TOKEN: E2E_INGEST_TOKEN,
        SHARE_RATE_LIMIT: "500",
        NEXT_TELEMETRY_DISABLED: "1",
        NEXT_MANUAL_SIG_HANDLE: "1",
      },
    },
    {
      command: `node e2e/sharing/host-server.mjs ${HOST_PORT}`,
      url: `http://127.0.0.1:${HOST_PORT}/health`,
      reuseExistingServer: false,
      timeout: 10_000,
    },
  ],
});
