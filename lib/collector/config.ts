/** The collector's settings, from the environment (documented in docs/collector.md). */
import path from "node:path";
import { isDay } from "@/lib/ingest/values";
import { CollectorConfigError } from "./errors";
import { DATA_API_FIRST_DAY, DEFAULT_CATEGORIES } from "./plan";
import { staleAfterHoursFromEnv } from "@/lib/queries/freshness";

/** Environment variables (a plain record: tests pass their own). */
export type Env = Record<string, string | undefined>;

const DEFAULT_BASE_URL = "https://openrouter.ai/api/v1";

export interface CollectorSettings {
  apiKey: string;
  baseUrl: string;
  from: string;
  categories: string[];
  windowDays: number;
  settleHours: number;
  perMinute: number;
  dailyBudget: number;
  timeoutMs: number;
  maxAttempts: number;
  stateFile: string;
  staleAfterHours: number;
}

export function settingsFromEnv(env: Env, overrides: { from?: string; requireKey?: boolean } = {}): CollectorSettings {
  const apiKey = (env.OPENROUTER_API_KEY ?? "").trim();
  if (!apiKey && overrides.requireKey !== false) {
    throw new CollectorConfigError(
      "OPENROUTER_API_KEY is not set: the Data API needs an OpenRouter API key (any valid key; create one at https://openrouter.ai/settings/keys).",
    );
  }
  const baseUrl = (env.OPENROUTER_BASE_URL || DEFAULT_BASE_URL).trim();
  if (!/^https?:\/\/[^/]/.test(baseUrl)) throw new CollectorConfigError(`OPENROUTER_BASE_URL must be an http(s) URL, got "${baseUrl}"`);
  const from = overrides.from ?? env.COLLECT_FROM ?? DATA_API_FIRST_DAY;
  if (!isDay(from)) throw new CollectorConfigError(`the backfill start (--from / COLLECT_FROM) must be a day, YYYY-MM-DD, got "${from}"`);
  const categories = (env.COLLECT_CATEGORIES ?? DEFAULT_CATEGORIES.join(","))
    .split(",")
    .map((c) => c.trim())
    .filter(Boolean);
  for (const c of categories) {
    if (!/^[a-z0-9-]+$/.test(c)) throw new CollectorConfigError(`COLLECT_CATEGORIES: "${c}" is not a category name (e.g. coding, or all)`);
  }
  return {
    apiKey,
    baseUrl,
    from,
    categories,
    windowDays: int(env, "COLLECT_WINDOW_DAYS", 90, 1, 366),
    settleHours: int(env, "COLLECT_SETTLE_HOURS", 6, 0, 72),
    perMinute: int(env, "COLLECT_PER_MINUTE", 30, 1, 1000),
    dailyBudget: int(env, "COLLECT_DAILY_BUDGET", 500, 1, 100_000),
    timeoutMs: int(env, "COLLECT_TIMEOUT_SECONDS", 60, 1, 600) * 1000,
    maxAttempts: int(env, "COLLECT_MAX_ATTEMPTS", 5, 1, 10),
    stateFile: path.resolve(env.COLLECT_STATE_FILE || path.join(env.DATA_DIR || "./.data", "collector-state.json")),
    staleAfterHours: staleAfterHoursFromEnv(env),
  };
}

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const v = Number(raw);
  if (!Number.isInteger(v) || v < min || v > max) throw new CollectorConfigError(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  return v;
}

/** "6h", "30m", "1d", "90s" → milliseconds; at least 5 minutes (every run costs requests). */
export function parseInterval(text: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(s|sec|m|min|h|d)$/i.exec(text.trim());
  if (!m) throw new CollectorConfigError(`--every takes an interval such as 30m, 6h or 1d, got "${text}"`);
  const unit = { s: 1, sec: 1, m: 60, min: 60, h: 3600, d: 86400 }[m[2].toLowerCase() as "s"]!;
  const ms = Math.round(Number(m[1]) * unit * 1000);
  if (ms < 5 * 60_000) throw new CollectorConfigError(`--every ${text} is too often: at least 5m (each run makes several API requests)`);
  return ms;
}
