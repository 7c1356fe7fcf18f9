/**
 * Pages drawn once per data version (lib/server/page-cache.ts), through the server's own request hook on a
 * real HTTP server: the second plain GET of a page is answered from memory, byte for byte with its headers;
 * a new data version, another query, router requests (RSC), POSTs and API routes go to the renderer.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerPageVersion } from "@/lib/server/page-cache";
import { installRequestHook } from "@/lib/server/request-hook";

let version = 1;
let renders = 0;
let server: http.Server;
let base = "";

beforeAll(async () => {
  installRequestHook();
  registerPageVersion(async () => {
    if (version < 0) throw new Error("database down");
    return version;
  });
  // Stands in for Next: a streamed page, headers set both ways.
  server = http.createServer((req, res) => {
    renders++;
    res.setHeader("content-type", "text/html; charset=utf-8");
    res.writeHead(200, { "cache-control": "private, no-store", "x-peer": String(req.headers["x-modelshare-peer"]) });
    res.write(`<html><body>render ${renders} of ${req.url}`);
    res.end(` for version ${version}</body></html>`);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
});

async function get(path: string, init: RequestInit = {}) {
  const res = await fetch(base + path, init);
  return { status: res.status, cache: res.headers.get("x-modelshare-cache"), headers: res.headers, text: await res.text() };
}

describe("page cache", () => {
  it("renders a page once per data version and canonical query", async () => {
    const first = await get("/compare?b=2&a=1");
    expect(first.cache).toBe("miss");
    const second = await get("/compare?a=1&b=2");
    expect(second).toMatchObject({ status: 200, cache: "hit", text: first.text });
    expect(second.headers.get("cache-control")).toBe("private, no-store");
    expect(second.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(renders).toBe(1);
    version = 2;
    expect((await get("/compare?a=1&b=2")).text).toContain("version 2");
    expect(renders).toBe(2);
    await get("/compare?a=1&b=3");
    expect(renders).toBe(3);
  });

  it("leaves router requests, other methods, API routes and files to the renderer", async () => {
    const before = renders;
    await get("/vendors");
    await get("/vendors", { headers: { rsc: "1" } });
    await get("/vendors", { method: "POST", body: "x" });
    await get("/api/v1/models");
    await get("/api/v1/models");
    await get("/embed.js");
    expect(renders - before).toBe(6);
    expect((await get("/vendors")).cache).toBe("hit");
  });

  it("renders when the data version cannot be read (the database is down)", async () => {
    version = -1;
    const before = renders;
    await get("/");
    await get("/");
    expect(renders - before).toBe(2);
    version = 3;
  });
});
