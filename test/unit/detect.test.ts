import { describe, expect, it } from "vitest";
import { detectJsonFormat, parseAs, parseSnapshot } from "@/lib/ingest/detect";
import type { FormatId } from "@/lib/ingest/types";
import { readFixture } from "../fixtures";
import { rejects } from "../rejects";

const ctx = { asOf: new Date("2026-08-28T00:00:00Z") };


describe("detection of every real fixture", () => {
  const cases: [string, FormatId][] = [
    ["rankings-daily/rankings-daily-2026-09-22.json", "openrouter-rankings-daily"],
    ["app-rankings/app-rankings-coding-2026-09-22.json", "openrouter-app-rankings"],
    ["app-rankings/app-rankings-creative-2026-09-22.json", "openrouter-app-rankings"],
    ["app-rankings/app-rankings-entertainment-2026-09-22.json", "openrouter-app-rankings"],
    ["app-rankings/app-rankings-productivity-2026-09-22.json", "openrouter-app-rankings"],
    ["models/openrouter-models-2026-08.json", "openrouter-models"],
    ["models/openrouter-models-small.json", "openrouter-models"],
    ["trackers/model_catalogue.csv", "tracker-model-catalogue"],
    ["trackers/top_apps_by_model.csv", "tracker-top-apps"],
    ["prices/price-history-2026-09-02.json", "tracker-price-history"],
  ];
  it.each(cases)("%s → %s", (rel, format) => {
    const text = readFixture(rel);
    // The content type is not trusted: a JSON body labelled text/csv is still JSON.
    const s = parseSnapshot(text, { ...ctx, contentType: rel.endsWith(".json") ? "text/csv" : "application/json" });
    expect(s.format).toBe(format);
    expect(s.models.length + s.modelUsage.length + s.apps.length + s.appUsage.length + (s.priceHistory?.length ?? 0)).toBeGreaterThan(0);
    // Same result as parsing with the format named, and with a BOM in front.
    expect(parseAs(format, text, ctx)).toEqual(s);
    expect(parseSnapshot(`\uFEFF${text}`, ctx)).toEqual(s);
  });

  it("detects modelshare JSON and CSV", () => {
    const json = JSON.stringify({
      format: "modelshare.snapshot/v1",
      source: "x",
      capturedAt: "2026-01-06T00:00:00Z",
      modelUsage: [{ date: "2026-01-05", model: "a/b", totalTokens: "1" }],
    });
    expect(parseSnapshot(`  \n${json}`, ctx).format).toBe("modelshare-json");
    expect(parseSnapshot("# source: x\ndate,model,total_tokens\n2026-01-05,a/b,1\n", ctx).format).toBe("modelshare-csv");
    expect(parseSnapshot("period,app_id,app_name,total_tokens\n2026-01,x,X,1\n", ctx).format).toBe("modelshare-csv");
  });

  it("detectJsonFormat by shape", () => {
    expect(detectJsonFormat({ data: [{ date: "2026-01-01", model_permaslug: "a/b", total_tokens: "1" }] })).toBe("openrouter-rankings-daily");
    expect(detectJsonFormat({ data: [{ rank: 1, app_id: 1 }] })).toBe("openrouter-app-rankings");
    expect(detectJsonFormat({ data: [{ id: "a/b", canonical_slug: "a/b" }] })).toBe("openrouter-models");
    expect(detectJsonFormat({ data: [] })).toBeNull();
    expect(detectJsonFormat([1, 2])).toBeNull();
  });
});

describe("rejections", () => {
  it("empty body → 400", () => {
    expect(rejects(() => parseSnapshot("", ctx)).status).toBe(400);
    expect(rejects(() => parseSnapshot(" \r\n\t", ctx)).status).toBe(400);
    expect(rejects(() => parseSnapshot("\uFEFF", ctx)).status).toBe(400);
  });

  it("malformed JSON → 400 with line and column", () => {
    const e = rejects(() => parseSnapshot('{\n  "format": "modelshare.snapshot/v1",\n  "source": "x",\n}', ctx));
    expect(e.status).toBe(400);
    expect(e.message).toMatch(/^malformed JSON: .* at line 4 column 1$/);
    const cut = rejects(() => parseSnapshot('{"data": [', ctx));
    expect(cut.status).toBe(400);
    expect(cut.message).toMatch(/^malformed JSON: Unexpected end of JSON input at line 1 column 11$/);
  });

  it("unknown JSON shape → 422 listing the accepted shapes", () => {
    for (const body of ['{"hello": "world"}', '{"data": [{"x": 1}]}', "[1, 2, 3]", '{"data": []}', '{"format": "other/v1"}']) {
      const e = rejects(() => parseSnapshot(body, ctx));
      expect(e.status).toBe(422);
      expect(e.message).toMatch(/^unrecognised JSON snapshot/);
      expect(e.message).toContain("modelshare.snapshot/v1");
    }
  });

  it("unknown CSV header → 422 listing the accepted headers", () => {
    const e = rejects(() => parseSnapshot("name,price\nfoo,1\n", ctx));
    expect(e.status).toBe(422);
    expect(e.message).toMatch(/^unrecognised CSV header on row 1/);
    expect(e.message).toContain("model_id,permaslug,variant,name,created");
    expect(e.message).toContain("date,model,total_tokens");
  });

  it("binary → 415", () => {
    const png = "\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR";
    expect(rejects(() => parseSnapshot(png, { ...ctx, contentType: "image/png" })).status).toBe(415);
    expect(rejects(() => parseSnapshot("date,model\u0000,total_tokens\n", ctx)).status).toBe(415);
    const gz = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00]).toString("latin1");
    expect(rejects(() => parseSnapshot(gz, ctx)).status).toBe(415);
  });

  it("HTML/XML and plain prose → 415", () => {
    expect(rejects(() => parseSnapshot("<!doctype html><html><body>502 Bad Gateway</body></html>", ctx)).status).toBe(415);
    expect(rejects(() => parseSnapshot('<?xml version="1.0"?><a/>', ctx)).status).toBe(415);
    expect(rejects(() => parseSnapshot("just some text\nwithout commas\n", ctx)).status).toBe(415);
  });
});

describe("large snapshots", () => {
  // The 1M-row timing is measured outside the suite (see the report); here, 200k rows must be linear-ish.
  const N = 200_000;
  const models = Array.from({ length: 400 }, (_, i) => `vendor${i % 40}/model-${i}`);
  const day = (i: number) => new Date(Date.UTC(2020, 0, 1) + Math.floor(i / 400) * 864e5).toISOString().slice(0, 10);

  it(`parses ${N.toLocaleString()} CSV rows`, () => {
    const lines = ["# capturedAt: 2026-01-06T00:00:00Z", "date,model,total_tokens,requests"];
    for (let i = 0; i < N; i++) lines.push(`${day(i)},${models[i % 400]},${1e12 + i},${i}`);
    const t = performance.now();
    const s = parseSnapshot(lines.join("\n"), { asOf: null });
    const ms = performance.now() - t;
    expect(s.modelUsage).toHaveLength(N);
    expect(s.modelUsage[N - 1]).toMatchObject({ totalTokens: String(1e12 + N - 1), path: `row ${N + 2}` });
    expect(ms).toBeLessThan(10_000);
  });

  it(`parses ${N.toLocaleString()} JSON rows`, () => {
    const rows = Array.from({ length: N }, (_, i) => ({ date: day(i), model: models[i % 400], totalTokens: String(1e12 + i) }));
    const text = JSON.stringify({ format: "modelshare.snapshot/v1", source: "bench", capturedAt: "2026-01-06", modelUsage: rows });
    const t = performance.now();
    const s = parseSnapshot(text, { asOf: null });
    const ms = performance.now() - t;
    expect(s.modelUsage).toHaveLength(N);
    expect(ms).toBeLessThan(10_000);
  });
});
