/** lib/server/response-cache.ts: answers drawn once per key, bounded in bytes, shared by concurrent misses. */
import { afterEach, describe, expect, it } from "vitest";
import { ByteLru, cachedAnswer, clearResponseCache } from "@/lib/server/response-cache";

const answer = (n: number) => ({ status: 200, headers: [["content-type", "text/plain"]] as [string, string][], body: new Uint8Array(n) });

afterEach(() => {
  delete process.env.RESPONSE_CACHE_BYTES;
  clearResponseCache();
});

describe("ByteLru", () => {
  it("stays within its bytes, evicting the least recently used", () => {
    const lru = new ByteLru(10_000);
    for (let i = 0; i < 20; i++) lru.set(`k${i}`, answer(1000));
    expect(lru.bytes).toBeLessThanOrEqual(10_000);
    expect(lru.get("k0")).toBeUndefined();
    expect(lru.get("k19")).toBeDefined();
    // Reading an entry keeps it.
    lru.get("k15");
    for (let i = 20; i < 26; i++) lru.set(`k${i}`, answer(1000));
    expect(lru.get("k15")).toBeDefined();
    expect(lru.get("k16")).toBeUndefined();
  });
  it("does not keep one answer larger than an eighth of the budget", () => {
    const lru = new ByteLru(8000);
    expect(lru.set("big", answer(2000))).toBe(false);
    expect(lru.size).toBe(0);
  });
});

describe("cachedAnswer", () => {
  it("renders once per key, concurrent misses included; other keys render again", async () => {
    let renders = 0;
    const render = async () => {
      renders++;
      await new Promise((r) => setTimeout(r, 20));
      return new Response("drawn", { headers: { etag: 'W/"1"' } });
    };
    const first = await Promise.all(Array.from({ length: 10 }, () => cachedAnswer("embed\n1", render)));
    expect(renders).toBe(1);
    expect(await Promise.all(first.map((r) => r.text()))).toEqual(Array(10).fill("drawn"));
    const again = await cachedAnswer("embed\n1", render);
    expect(again.headers.get("x-modelshare-cache")).toBe("hit");
    expect(again.headers.get("etag")).toBe('W/"1"');
    expect(await again.text()).toBe("drawn");
    await cachedAnswer("embed\n2", render);
    expect(renders).toBe(2);
  });
  it("keeps only 200 answers, and nothing when RESPONSE_CACHE_BYTES=0", async () => {
    let renders = 0;
    const notFound = async () => (renders++, new Response("no", { status: 404 }));
    expect((await cachedAnswer("x", notFound)).status).toBe(404);
    expect((await cachedAnswer("x", notFound)).status).toBe(404);
    expect(renders).toBe(2);
    process.env.RESPONSE_CACHE_BYTES = "0";
    const ok = async () => (renders++, new Response("ok"));
    await cachedAnswer("y", ok);
    await cachedAnswer("y", ok);
    expect(renders).toBe(4);
  });
  it("a failed render is not kept, and the next request renders again", async () => {
    await expect(cachedAnswer("z", async () => Promise.reject(new Error("down")))).rejects.toThrow("down");
    expect(await (await cachedAnswer("z", async () => new Response("up"))).text()).toBe("up");
  });
});
