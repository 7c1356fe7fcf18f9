/**
 * Pages while the database is unreachable: proxy.ts asks `databaseAvailable()` before rendering a page and
 * answers `unavailablePage()` (503, Retry-After) when it is not, within PAGE_CHECK_MS — instead of a page
 * that fails after the driver's timeouts with a 500. The probe itself lives in lib/server/db.ts, which
 * registers it on globalThis when it loads (instrumentation.ts loads it at start-up): the proxy is bundled
 * on its own and must not open a second database. No probe registered (yet) = go ahead and render.
 */
import "server-only";

const PROBE = Symbol.for("modelshare.db.probe");
type Probe = (deadlineMs: number) => Promise<boolean>;

/** A page answers within 2 s during an outage: the check gives up after 1.5 s. */
const PAGE_CHECK_MS = 1500;

export function registerDatabaseProbe(probe: Probe): void {
  (globalThis as { [PROBE]?: Probe })[PROBE] = probe;
}

export async function databaseAvailable(deadlineMs = PAGE_CHECK_MS): Promise<boolean> {
  const probe = (globalThis as { [PROBE]?: Probe })[PROBE];
  return probe ? probe(deadlineMs) : true;
}

/** Resolves to `fallback` when `p` has not settled within `ms` (p keeps running). */
export function within<T>(p: Promise<T>, ms: number, fallback: T): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(fallback), ms);
  });
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Modelshare is briefly unavailable</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#0f172a}@media(prefers-color-scheme:dark){body{background:#020617;color:#e2e8f0}}</style></head>
<body><main><h1>The data store is not answering</h1><p>Modelshare cannot read its database right now. It usually comes back by itself: this page reloads in a few seconds.</p>
<p><a href="">Try again</a></p></main><script>setTimeout(function(){location.reload()},5000)</script></body></html>`;

export function unavailablePage(): Response {
  return new Response(PAGE, {
    status: 503,
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", "retry-after": "5" },
  });
}
