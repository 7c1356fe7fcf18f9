/**
 * Pages drawn once per data version (issue 10, item 7): a page is a React render of several queries, the
 * slowest answer of the site. The server's request hook (lib/server/request-hook.ts) asks this module
 * before Next sees a request: a plain page GET — no RSC/router/action headers, no preview cookie — is
 * answered from memory when the same page (path, canonical query, Host, Accept-Encoding) was rendered for
 * the current data version less than PAGE_CACHE_SECONDS ago (default 60: pages also say how old the data
 * is); otherwise Next renders it and a 200 answer is kept. Entries live in a byte-bounded LRU
 * (RESPONSE_CACHE_BYTES, like rendered API answers). Anything unusual (the database down, a failed
 * version check) goes to Next untouched, where proxy.ts answers the 503 page.
 */
import "server-only";
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { within } from "./outage";
import { ByteLru, cacheBytesFromEnv, CACHE_STATUS_HEADER, type CachedAnswer } from "./response-cache";

/** How long the data-version check may take before the page goes to Next (which checks the database). */
const VERSION_CHECK_MS = 500;

const VERSION = Symbol.for("modelshare.page-cache.version");
const STORE = Symbol.for("modelshare.page-cache.store");
type VersionFn = () => Promise<number>;
type G = { [VERSION]?: VersionFn; [STORE]?: ByteLru };

/** lib/server/db.ts registers how to read the data version (the newest snapshot id). */
export function registerPageVersion(fn: VersionFn): void {
  (globalThis as G)[VERSION] = fn;
}

/** How long a drawn page may be served from memory (PAGE_CACHE_SECONDS; 0 = never). */
export function pageCacheSeconds(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.PAGE_CACHE_SECONDS);
  return env.PAGE_CACHE_SECONDS !== undefined && Number.isFinite(n) && n >= 0 ? n : 60;
}

function store(): ByteLru {
  const g = globalThis as G;
  const max = cacheBytesFromEnv();
  if (!g[STORE] || g[STORE].maxBytes !== max) g[STORE] = new ByteLru(max);
  return g[STORE];
}

const SKIP_PATH = /^\/(?:api|embed|_next)(?:\/|$)|\.[a-z0-9]+$/i;
const ROUTER_HEADERS = ["rsc", "next-router-state-tree", "next-router-prefetch", "next-router-segment-prefetch", "next-action", "next-url", "range"];

/** The cache key of a cacheable page request, or null. */
function pageKey(req: IncomingMessage): string | null {
  if (req.method !== "GET" || !req.url) return null;
  const url = new URL(req.url, "http://x");
  if (SKIP_PATH.test(url.pathname)) return null;
  if (ROUTER_HEADERS.some((h) => req.headers[h] !== undefined)) return null;
  if (/__prerender_bypass|__next_preview_data/.test(req.headers.cookie ?? "")) return null;
  const query = [...url.searchParams.entries()].sort(([a, av], [b, bv]) => (a === b ? av.localeCompare(bv) : a.localeCompare(b)));
  return [url.pathname, new URLSearchParams(query).toString(), req.headers.host ?? "", req.headers["x-forwarded-host"] ?? "", req.headers["x-forwarded-proto"] ?? "", req.headers["accept-encoding"] ?? ""].join("\n");
}

type Timed = CachedAnswer & { expires: number };

/**
 * Answers `req` from memory, or lets `next()` render it and keeps the answer. Resolves once it has decided;
 * never throws (anything unexpected goes to `next()`).
 */
export async function servePage(req: IncomingMessage, res: ServerResponse, next: () => void): Promise<void> {
  const seconds = pageCacheSeconds();
  const version = (globalThis as G)[VERSION];
  const base = seconds > 0 && cacheBytesFromEnv() > 0 && version ? pageKey(req) : null;
  if (!base) return next();
  // The database not answering (or slow to): Next renders, and proxy.ts answers the 503 page.
  const v = await within(version!().catch(() => null), VERSION_CHECK_MS, null);
  if (v === null) return next();
  const key = `${v}\n${base}`;
  const lru = store();
  const hit = lru.get(key) as Timed | undefined;
  if (hit && hit.expires > Date.now()) {
    res.writeHead(hit.status, [...hit.headers.flat(), CACHE_STATUS_HEADER, "hit"]);
    res.end(hit.body);
    return;
  }
  capture(res, (answer) => {
    if (answer.status === 200) lru.set(key, { ...answer, expires: Date.now() + seconds * 1000 } as Timed);
  });
  res.setHeader(CACHE_STATUS_HEADER, "miss");
  next();
}

/** Records what Next writes (status, headers, body bytes) and hands it over when the answer ends. */
function capture(res: ServerResponse, done: (a: CachedAnswer) => void): void {
  const chunks: Buffer[] = [];
  let extra: OutgoingHttpHeaders = {};
  const { write, end, writeHead } = res;
  const add = (chunk: unknown, encoding?: unknown) => {
    if (chunk === undefined || chunk === null || typeof chunk === "function") return;
    chunks.push(Buffer.isBuffer(chunk) ? chunk : typeof chunk === "string" ? Buffer.from(chunk, (typeof encoding === "string" ? encoding : "utf8") as BufferEncoding) : Buffer.from(chunk as Uint8Array));
  };
  res.writeHead = function (this: ServerResponse, status: number, ...rest: unknown[]) {
    const h = rest.find((x) => x && typeof x === "object") as OutgoingHttpHeaders | undefined;
    if (h && !Array.isArray(h)) extra = { ...extra, ...h };
    return (writeHead as (...a: unknown[]) => ServerResponse).call(this, status, ...rest);
  } as typeof res.writeHead;
  res.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
    add(chunk, rest[0]);
    return (write as (...a: unknown[]) => boolean).call(this, chunk, ...rest);
  } as typeof res.write;
  res.end = function (this: ServerResponse, chunk?: unknown, ...rest: unknown[]) {
    add(chunk, rest[0]);
    const out = (end as (...a: unknown[]) => ServerResponse).call(this, chunk, ...rest);
    try {
      const headers: [string, string][] = [];
      for (const [k, v] of Object.entries({ ...res.getHeaders(), ...extra })) {
        if (v === undefined || k.toLowerCase() === CACHE_STATUS_HEADER || k.toLowerCase() === "set-cookie" || k.toLowerCase() === "date") continue;
        for (const x of Array.isArray(v) ? v : [v]) headers.push([k, String(x)]);
      }
      if (!res.getHeader("set-cookie") && !extra["set-cookie"]) done({ status: res.statusCode, headers, body: new Uint8Array(Buffer.concat(chunks)) });
    } catch {
      // not kept
    }
    return out;
  } as typeof res.end;
}
