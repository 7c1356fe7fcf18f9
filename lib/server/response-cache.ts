/**
 * Rendered answers kept in memory per data version (issue 10, item 7): embeds, chart images, oEmbed and the
 * read API are drawn once per (route, canonical query, data version, origin) and served from memory after,
 * so first-time readers (no If-None-Match) cost about what a 304 costs. The data version is the newest
 * snapshot id, which every ingest that writes anything advances: a new snapshot makes new keys, and old
 * entries age out of the LRU. Bounded in bytes (RESPONSE_CACHE_BYTES, default 64 MiB; 0 turns it off); one
 * answer larger than an eighth of that is served but not kept. Concurrent misses on one key render once.
 * Only 200 answers are kept. Each process has its own cache; the keys make it correct across processes.
 */

import "server-only";

export interface CachedAnswer {
  status: number;
  headers: [string, string][];
  body: Uint8Array;
}

/** A least-recently-used map bounded by the bytes of its values. */
export class ByteLru {
  private readonly entries = new Map<string, CachedAnswer>();
  private used = 0;
  constructor(readonly maxBytes: number) {}

  get bytes(): number {
    return this.used;
  }
  get size(): number {
    return this.entries.size;
  }

  get(key: string): CachedAnswer | undefined {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key); // most recently used last
      this.entries.set(key, hit);
    }
    return hit;
  }

  set(key: string, value: CachedAnswer): boolean {
    const size = sizeOf(key, value);
    if (size > this.maxBytes / 8) return false;
    this.delete(key);
    this.entries.set(key, value);
    this.used += size;
    for (const [k, v] of this.entries) {
      if (this.used <= this.maxBytes) break;
      this.entries.delete(k);
      this.used -= sizeOf(k, v);
    }
    return true;
  }

  delete(key: string): void {
    const old = this.entries.get(key);
    if (old) {
      this.entries.delete(key);
      this.used -= sizeOf(key, old);
    }
  }
}

function sizeOf(key: string, v: CachedAnswer): number {
  return key.length * 2 + v.body.byteLength + v.headers.reduce((n, [k, x]) => n + (k.length + x.length) * 2, 0) + 64;
}

export function cacheBytesFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.RESPONSE_CACHE_BYTES);
  return env.RESPONSE_CACHE_BYTES !== undefined && Number.isFinite(n) && n >= 0 ? n : 64 * 1024 * 1024;
}

const KEY = Symbol.for("modelshare.response-cache");
type Holder = { [KEY]?: { lru: ByteLru; inflight: Map<string, Promise<CachedAnswer | null>> } };

function cache() {
  const g = globalThis as Holder;
  const max = cacheBytesFromEnv();
  if (!g[KEY] || g[KEY].lru.maxBytes !== max) g[KEY] = { lru: new ByteLru(max), inflight: new Map() };
  return g[KEY];
}

/** Drops every entry (tests). */
export function clearResponseCache(): void {
  delete (globalThis as Holder)[KEY];
}

export const CACHE_STATUS_HEADER = "x-modelshare-cache";

function toResponse(a: CachedAnswer, status: "hit" | "miss"): Response {
  const headers = new Headers(a.headers);
  headers.set(CACHE_STATUS_HEADER, status);
  return new Response(a.status === 204 || a.status === 304 ? null : (a.body as BodyInit), { status: a.status, headers });
}

/**
 * The answer for `key`: from memory when this data version was rendered before, else `render()` (kept when
 * it is a 200). `key` must name everything the answer depends on: route, canonical query, data version and
 * the origin of its absolute links.
 */
export async function cachedAnswer(key: string, render: () => Promise<Response>): Promise<Response> {
  const c = cache();
  if (c.lru.maxBytes === 0) return render();
  const hit = c.lru.get(key);
  if (hit) return toResponse(hit, "hit");
  const pending = c.inflight.get(key);
  if (pending) {
    const shared = await pending.catch(() => null);
    if (shared) return toResponse(shared, "hit");
    return render(); // the first render failed or was not cacheable: render our own
  }
  let own: Response | null = null;
  const job = (async () => {
    own = await render();
    if (own.status !== 200) return null;
    const answer: CachedAnswer = { status: own.status, headers: [...own.headers.entries()], body: new Uint8Array(await own.arrayBuffer()) };
    c.lru.set(key, answer);
    return answer;
  })();
  c.inflight.set(key, job);
  try {
    const answer = await job;
    return answer ? toResponse(answer, "miss") : own!;
  } finally {
    c.inflight.delete(key);
  }
}
