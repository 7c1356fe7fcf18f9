/** The embed page and the embed code: escaping, the CSP's script hash, themes, WordPress's protocol. */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import type { Figure } from "@/lib/figures/types";
import { EMBED_CSP, EMBED_SCRIPT, embedHtml } from "@/lib/share/embed-html";
import { EMBED_HOVER_SCRIPT } from "@/lib/share/embed-hover";
import { oembedResponse, oembedSize } from "@/lib/share/oembed";
import { embedSnippet } from "@/lib/share/snippet";

const HOSTILE = `<script>alert(1)</script>"'&`;
const figure: Figure = {
  chart: "compare-usage",
  title: `Adoption of ${HOSTILE}`,
  summary: `${HOSTILE} used 5B tokens.`,
  provenance: { sources: [HOSTILE], asOf: null, citations: [`Source: ${HOSTILE}`], sample: true },
  plot: {
    type: "time",
    kind: "line",
    scale: "linear",
    x: "day",
    y: "tokens",
    height: 300,
    rows: [
      { x: "2026-01-01", s0: 1, s1: 2 },
      { x: "2026-01-02", s0: 2, s1: 1 },
    ],
    series: [
      { key: "s0", label: HOSTILE, color: 0 },
      { key: "s1", label: "Other", color: "other" },
    ],
  },
  empty: null,
  footnotes: [`Note on ${HOSTILE}`],
  table: { columns: [], rows: [] },
};

describe("embed page", () => {
  const html = embedHtml({ figure, context: `Compare ${HOSTILE}`, theme: "dark", viewUrl: `https://m.example/compare?models=a,b#x"><script>`, pinned: { asOf: "2026-01-31T10:00:00.000Z" } });

  it("runs only our two scripts (height, hover), each allowed by its hash in the CSP; the hover data is inert JSON", () => {
    expect(html.match(/<script/g)).toHaveLength(3);
    expect(html).toContain(`<script>${EMBED_SCRIPT}</script>`);
    expect(html).toContain(`<script>${EMBED_HOVER_SCRIPT}</script>`);
    expect(html).toContain('<script type="application/json" id="hover-data">');
    for (const script of [EMBED_SCRIPT, EMBED_HOVER_SCRIPT]) expect(EMBED_CSP).toContain(`'sha256-${createHash("sha256").update(script).digest("base64")}'`);
    expect(EMBED_CSP.match(/'sha256-/g)).toHaveLength(2);
    // A hostile series label cannot close the data block: "<" is escaped, and the JSON reads back exactly.
    const block = /<script type="application\/json" id="hover-data">(.*?)<\/script>/.exec(html)![1];
    expect(block).not.toContain("<");
    expect(JSON.parse(block).s[0].l).toBe(HOSTILE);
    expect(EMBED_CSP).toMatch(/default-src 'none'/);
    expect(html).toContain('<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;;');
  });

  it("escapes every external string", () => {
    expect(html).not.toContain("<script>alert");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;");
    expect(html).toContain(`href="https://m.example/compare?models=a,b#x&quot;&gt;&lt;script&gt;"`);
  });

  it("sets the theme, labels pinned data and links back", () => {
    expect(html).toMatch(/^<!doctype html><html lang="en" class="dark">/);
    expect(html).toContain("Pinned: data as of 31 Jan 2026, 10:00 UTC");
    expect(html).toContain('target="_blank" rel="noopener">View on Modelshare');
    expect(embedHtml({ figure, context: "c", theme: "auto", viewUrl: "/", pinned: null })).toMatch(/^<!doctype html><html lang="en"><head>/);
  });

  it("draws one SVG per width band and a legend", () => {
    expect(html.match(/<div class="v v\d"/g)).toHaveLength(5);
    expect(html).toContain('<ul class="legend" aria-label="Legend">');
  });
});

/** Runs the embed's script in a fake window and returns what it posted to its parent. */
function runScript(hash: string) {
  const posted: unknown[] = [];
  let observer: (() => void) | null = null;
  const listeners: ((e: unknown) => void)[] = [];
  const body = { getBoundingClientRect: () => ({ height: 432.2 }) };
  const win = {
    location: { hash },
    document: { body, addEventListener: () => {} },
    parent: { postMessage: (m: unknown, o: string) => posted.push([m, o]) },
    ResizeObserver: class {
      constructor(cb: () => void) {
        observer = cb;
      }
      observe() {}
    },
    addEventListener: (type: string, f: (e: unknown) => void) => type === "message" && listeners.push(f),
  };
  runInNewContext(EMBED_SCRIPT, { ...win, window: win });
  return { posted, resize: () => observer?.(), message: (e: unknown) => listeners.forEach((f) => f(e)), parent: win.parent };
}

describe("height messages", () => {
  it("posts its own message, and WordPress's only with a secret in the fragment", () => {
    expect(runScript("").posted).toEqual([[{ type: "modelshare:height", height: 433 }, "*"]]);
    expect(runScript("#?secret=Ab3dE5gH7k").posted).toEqual([
      [{ type: "modelshare:height", height: 433 }, "*"],
      [{ message: "height", value: 433, secret: "Ab3dE5gH7k" }, "*"],
    ]);
    const r = runScript("");
    r.resize();
    expect(r.posted).toHaveLength(1); // unchanged height: no new message
    r.message({ source: {}, data: { type: "modelshare:measure" } });
    expect(r.posted).toHaveLength(1); // only the parent may ask
    r.message({ source: r.parent, data: { type: "modelshare:measure" } });
    expect(r.posted).toHaveLength(2); // embed.js arrived late and asks again
  });

  it("embed.js resizes only iframes whose window and origin sent the message", () => {
    const src = readFileSync(path.join(process.cwd(), "public/embed.js"), "utf8");
    const listeners: ((e: unknown) => void)[] = [];
    const asked: [unknown, string][] = [];
    const frame = (src: string) => ({ src, contentWindow: { postMessage: (m: unknown, o: string) => asked.push([m, o]) }, style: {} as Record<string, string> });
    const good = frame("https://m.example/embed/compare/compare-usage");
    const other = frame("https://m.example/compare");
    const win: Record<string, unknown> = {
      addEventListener: (_: string, f: (e: unknown) => void) => listeners.push(f),
      location: { href: "https://blog.example/post" },
      document: { getElementsByTagName: () => [other, good] },
      URL,
    };
    win.window = win;
    runInNewContext(src, win);
    expect(asked).toEqual([[{ type: "modelshare:measure" }, "https://m.example"]]); // only the embed is asked to measure
    const send = (source: unknown, origin: string, data: unknown) => listeners.forEach((f) => f({ source, origin, data }));
    send(good.contentWindow, "https://evil.example", { type: "modelshare:height", height: 500 });
    expect(good.style.height).toBeUndefined();
    send(other.contentWindow, "https://m.example", { type: "modelshare:height", height: 500 });
    expect(other.style.height).toBeUndefined();
    send(good.contentWindow, "https://m.example", { type: "modelshare:height", height: 512.4 });
    expect(good.style.height).toBe("513px");
  });
});

describe("embed code and oEmbed", () => {
  it("escapes the title and keeps the iframe responsive and lazy", () => {
    const code = embedSnippet({ src: "https://m.example/embed/x?a=1&b=2", title: `A "quoted" <title>`, height: 480, script: "https://m.example/embed.js" });
    expect(code).toBe(
      '<iframe src="https://m.example/embed/x?a=1&amp;b=2" title="A &quot;quoted&quot; &lt;title&gt; (Modelshare)" width="720" height="480" loading="lazy" style="border:0;width:100%;max-width:720px" data-modelshare></iframe>\n' +
        '<script async src="https://m.example/embed.js"></script>',
    );
  });

  it("a rich response within maxwidth/maxheight", () => {
    expect(oembedSize(540, 400, 300)).toEqual({ width: 400, height: 300 });
    expect(oembedSize(540, 2000, null)).toEqual({ width: 720, height: 540 });
    const o = oembedResponse({ origin: "https://m.example", target: { kind: "permalink", id: "abcDEF123456", chart: null }, chart: "compare-spend", title: HOSTILE, maxwidth: null, maxheight: null });
    expect(o).toMatchObject({ type: "rich", version: "1.0", provider_name: "Modelshare", provider_url: "https://m.example/", thumbnail_url: "https://m.example/api/image/s/abcDEF123456/compare-spend", thumbnail_width: 1200, thumbnail_height: 630 });
    expect(o.html).toContain('src="https://m.example/embed/s/abcDEF123456/compare-spend"');
    expect(o.html).not.toContain("<script>alert");
  });
});
