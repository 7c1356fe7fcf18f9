import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { brotliDecompressSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { precompressStaticAssets, serveStaticAsset } from "@/lib/server/static-assets";

const SCRIPT = `(function(){${"var a=1;".repeat(500)}})();`;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "ms-static-"));
  mkdirSync(path.join(dir, "chunks"));
  writeFileSync(path.join(dir, "chunks", "a1b2.js"), SCRIPT);
  writeFileSync(path.join(dir, "chunks", "notes.txt"), "not an asset");
  await precompressStaticAssets(dir);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function ask(url: string, headers: Record<string, string> = { "accept-encoding": "gzip, deflate, br, zstd" }, method = "GET") {
  const sent: { status?: number; headers?: Record<string, unknown>; body?: Buffer } = {};
  const res = {
    writeHead: (status: number, h: Record<string, unknown>) => Object.assign(sent, { status, headers: h }),
    end: (body?: Buffer) => Object.assign(sent, { body }),
  } as unknown as ServerResponse;
  const answered = serveStaticAsset({ method, url, headers } as IncomingMessage, res);
  return { answered, ...sent };
}

describe("the build's scripts, Brotli-compressed", () => {
  it("answers a build file with its Brotli bytes, immutable, to a browser accepting br", () => {
    const r = ask("/_next/static/chunks/a1b2.js");
    expect(r.answered).toBe(true);
    expect(r.status).toBe(200);
    expect(r.headers).toMatchObject({ "content-encoding": "br", vary: "Accept-Encoding", "cache-control": "public, max-age=31536000, immutable" });
    expect(String(r.headers?.["content-type"])).toMatch(/^application\/javascript/);
    expect(brotliDecompressSync(r.body!).toString()).toBe(SCRIPT);
    expect(r.body!.length).toBeLessThan(SCRIPT.length);
  });

  it("leaves everything else to Next: no br, a range, a name not in the build, another kind of file, a path outside", () => {
    expect(ask("/_next/static/chunks/a1b2.js", { "accept-encoding": "gzip" }).answered).toBe(false);
    expect(ask("/_next/static/chunks/a1b2.js", { "accept-encoding": "br", range: "bytes=0-10" }).answered).toBe(false);
    expect(ask("/_next/static/chunks/other.js").answered).toBe(false);
    expect(ask("/_next/static/chunks/notes.txt").answered).toBe(false);
    expect(ask("/_next/static/chunks/../chunks/a1b2.js").answered).toBe(false);
    expect(ask("/_next/static/chunks/a1b2.js", undefined, "POST").answered).toBe(false);
  });

  it("answers HEAD without a body", () => {
    const r = ask("/_next/static/chunks/a1b2.js", { "accept-encoding": "br" }, "HEAD");
    expect(r.answered).toBe(true);
    expect(r.body).toBeUndefined();
  });
});
