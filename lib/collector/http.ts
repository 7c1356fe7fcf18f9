/**
 * GET requests to the OpenRouter API with the limits and retries the collector needs:
 * every attempt spends one token of the per-minute bucket and one of the daily budget; 429/408/5xx, network
 * errors, timeouts and incomplete JSON bodies are retried with backoff (Retry-After honoured) up to a bound;
 * 401/403 stop at once with a message about the key. The key is sent in a header and never appears in a
 * message (every message is redacted anyway).
 */
import type { Clock } from "./clock";
import { formatDuration } from "./clock";
import { CollectorError } from "./errors";
import type { DailyBudget, TokenBucket } from "./rate-limit";
import { makeRedactor, type Redactor } from "./redact";
import { backoffDelay, DEFAULT_RETRY, isRetryableStatus, parseRetryAfter, type RetryPolicy } from "./retry";

export interface ClientOptions {
  baseUrl: string;
  apiKey: string;
  clock: Clock;
  bucket: TokenBucket;
  budget: DailyBudget;
  /** Per attempt, connection to last byte of the body (real time). */
  timeoutMs: number;
  retry?: Partial<RetryPolicy>;
  random?: () => number;
  fetch?: typeof fetch;
  /** Told about each retry, for the run's log. */
  onRetry?: (info: { what: string; attempt: number; maxAttempts: number; delayMs: number; reason: string }) => void;
  signal?: AbortSignal;
}

export interface FetchResult {
  /** Path and query, e.g. "/datasets/rankings-daily?start_date=…" (no host, no credentials). */
  what: string;
  status: number;
  text: string;
  json: unknown;
  bytes: number;
  attempts: number;
  /** When the response arrived (the collector's clock). */
  fetchedAt: Date;
}

/** One failed attempt: why, and whether/when to try again. */
interface AttemptFailure {
  reason: string;
  retryAfterMs: number | null;
  kind: "http" | "network" | "truncated";
  status?: number;
}

export class OpenRouterClient {
  private readonly policy: RetryPolicy;
  private readonly redact: Redactor;
  private readonly base: string;
  /** HTTP requests sent so far (every attempt counts). */
  sent = 0;

  constructor(private readonly opts: ClientOptions) {
    this.policy = { ...DEFAULT_RETRY, ...opts.retry };
    this.redact = makeRedactor([opts.apiKey]);
    this.base = opts.baseUrl.replace(/\/+$/, "");
  }

  async getJson(path: string, query: Record<string, string | undefined> = {}): Promise<FetchResult> {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v !== undefined) params.set(k, v);
    const what = params.size ? `${path}?${params}` : path;
    const { clock, signal } = this.opts;
    let last: AttemptFailure | null = null;

    for (let attempt = 1; attempt <= this.policy.maxAttempts; attempt++) {
      await this.opts.bucket.take(signal);
      this.opts.budget.take(); // throws when the day's budget is spent
      this.sent++;
      const outcome = await this.attempt(what);
      if ("text" in outcome) return { ...outcome, what, attempts: attempt };
      last = outcome;
      if (attempt === this.policy.maxAttempts) break;

      let delayMs = backoffDelay(attempt, this.policy, this.opts.random);
      if (last.retryAfterMs !== null) {
        if (last.retryAfterMs > this.policy.maxRetryAfterMs) throw this.rateLimitError(what, last.retryAfterMs);
        delayMs = last.retryAfterMs;
      }
      this.opts.onRetry?.({ what, attempt: attempt + 1, maxAttempts: this.policy.maxAttempts, delayMs, reason: last.reason });
      await clock.sleep(delayMs, signal);
    }

    const n = this.policy.maxAttempts;
    if (last?.kind === "truncated") {
      throw new CollectorError("truncated", this.redact(`GET ${what}: the response was not complete JSON in ${n} attempts (${last.reason}); nothing stored`));
    }
    if (last?.status === 429) {
      throw new CollectorError(
        "rate-limit",
        `GET ${what}: still rate-limited (429) after ${n} attempts. OpenRouter allows 30 requests/min per key and 500/day per account; ` +
          "another client may be using the same key or account. Try again later.",
      );
    }
    throw new CollectorError("retries", this.redact(`GET ${what} failed after ${n} attempts; last: ${last?.reason ?? "unknown error"}`));
  }

  private async attempt(what: string): Promise<Omit<FetchResult, "what" | "attempts"> | AttemptFailure> {
    const { clock, timeoutMs } = this.opts;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new Error("timeout")), timeoutMs);
    const outer = this.opts.signal;
    const onOuterAbort = () => controller.abort(outer!.reason);
    outer?.addEventListener("abort", onOuterAbort, { once: true });
    try {
      const res = await (this.opts.fetch ?? fetch)(this.base + what, {
        headers: {
          authorization: `Bearer ${this.opts.apiKey}`,
          accept: "application/json",
          "user-agent": "modelshare-collector/1 (+https://github.com/modelshare)",
        },
        signal: controller.signal,
        redirect: "follow",
      });
      const text = await res.text();
      if (res.status === 401 || res.status === 403) throw this.authError(res.status, text);
      if (!res.ok) {
        const reason = `${res.status} ${res.statusText}${errorSnippet(text)}`.trim();
        if (!isRetryableStatus(res.status)) {
          throw new CollectorError("http", this.redact(`GET ${what}: ${reason} (not retried)`));
        }
        return { kind: "http", status: res.status, reason, retryAfterMs: parseRetryAfter(res.headers.get("retry-after"), clock.now()) };
      }
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch (e) {
        return { kind: "truncated", reason: `${(e as Error).message} after ${text.length} characters`, retryAfterMs: null };
      }
      return { status: res.status, text, json, bytes: Buffer.byteLength(text), fetchedAt: new Date(clock.now()) };
    } catch (e) {
      if (e instanceof CollectorError) throw e;
      if (outer?.aborted) throw outer.reason;
      const reason = controller.signal.aborted
        ? `timed out after ${formatDuration(timeoutMs)}`
        : `network error: ${describeNetworkError(e)}`;
      return { kind: "network", reason: this.redact(reason), retryAfterMs: null };
    } finally {
      clearTimeout(timer);
      outer?.removeEventListener("abort", onOuterAbort);
    }
  }

  private authError(status: number, body: string): CollectorError {
    const server = this.redact(errorSnippet(body));
    return new CollectorError(
      "auth",
      status === 401
        ? `OpenRouter rejected the API key (401 Unauthorized${server}). Check OPENROUTER_API_KEY: it is missing, mistyped or revoked; ` +
            "create a key at https://openrouter.ai/settings/keys. (The key is never printed.)"
        : `OpenRouter refused the request (403 Forbidden${server}). The key in OPENROUTER_API_KEY is valid but not allowed to use this ` +
            "endpoint (disabled key, or an account without Data API access). (The key is never printed.)",
    );
  }

  private rateLimitError(what: string, waitMs: number): CollectorError {
    const at = new Date(this.opts.clock.now() + waitMs).toISOString();
    return new CollectorError(
      "rate-limit",
      `GET ${what}: OpenRouter's rate limit is exhausted and it asks to wait ${formatDuration(waitMs)} (Retry-After), longer than this ` +
        `run waits. The limits are 30 requests/min per key and 500/day per account; run again after ${at}.`,
    );
  }
}

/** ": message" from an OpenRouter error body ({"error":{"message"}}) or its first characters; "" when empty. */
function errorSnippet(body: string): string {
  let msg = "";
  try {
    const j = JSON.parse(body) as { error?: { message?: unknown } | string; message?: unknown };
    const m = typeof j.error === "string" ? j.error : (j.error?.message ?? j.message);
    if (typeof m === "string") msg = m;
  } catch {
    msg = body;
  }
  msg = msg.replace(/\s+/g, " ").trim();
  return msg ? `: ${msg.length > 200 ? msg.slice(0, 200) + "…" : msg}` : "";
}

function describeNetworkError(e: unknown): string {
  const err = e as { message?: string; cause?: { code?: string; message?: string } };
  const cause = err?.cause?.code ?? err?.cause?.message;
  return [err?.message ?? String(e), cause].filter(Boolean).join(": ");
}
