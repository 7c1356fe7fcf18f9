import { describe, expect, it } from "vitest";
import { parse as parseJson } from "@/lib/ingest/formats/modelshare";
import { parse as parseCsv } from "@/lib/ingest/formats/modelshare-csv";
import { rejects } from "../../rejects";

const ctx = { asOf: null };


const HOSTILE = ["<script>alert(1)</script>", `Say "hi" & 'bye'`, "abc\u202Edef", "=cmd|' /C calc'!A0"];

function snapshot(over: Record<string, unknown> = {}) {
  return {
    format: "modelshare.snapshot/v1",
    source: "  acme-gateway  ",
    capturedAt: "2026-01-06T00:00:00Z",
    models: [
      {
        id: "google/gemini-3-flash-preview",
        permaslug: "google/gemini-3-flash-preview-20251217",
        name: "Google: Gemini 3 Flash Preview",
        launchDate: "2025-12-17",
        contextLength: 1048576,
        pricing: { inputPerM: "0.50", outputPerM: "3.00", cacheReadPerM: "0.05" },
      },
      { id: "google/gemini-3-flash-preview:free", permaslug: "google/gemini-3-flash-preview-20251217" },
      { id: "acme/house-model", name: HOSTILE[0], pricing: { inputPerM: 1.25, outputPerM: null } },
    ],
    modelUsage: [
      {
        date: "2026-01-05",
        model: "google/gemini-3-flash-preview",
        totalTokens: "123456789012345678",
        promptTokens: 100,
        completionTokens: "200",
        reasoningTokens: null,
        cachedTokens: "0",
        requests: 7,
      },
      { date: "2026-01-05", model: "google/gemini-3-flash-preview:free", totalTokens: 42 },
      { date: "2026-01-05", model: "other", totalTokens: "1000" },
    ],
    apps: [
      { id: "lemonade", name: "Lemonade", url: "https://lemonade.example/", categories: ["coding"] },
      { id: 3067167, name: HOSTILE[3] },
    ],
    appUsage: [
      { app: "lemonade", model: "google/gemini-3-flash-preview", period: "2026-01", totalTokens: "5000", requests: 3 },
      { app: "lemonade", period: "2026-01-05", totalTokens: "700" },
      { app: "3067167", model: null, period: { from: "2025-10-08", to: "2026-01-05" }, totalTokens: "9", rank: 1 },
      { app: 3067167, period: { to: "2026-01-05" }, model: "other", totalTokens: "1" },
    ],
    ...over,
  };
}

const j = (o: unknown) => JSON.stringify(o);

describe("modelshare JSON", () => {
  it("parses every section", () => {
    const s = parseJson(j(snapshot()), ctx);
    expect(s.format).toBe("modelshare-json");
    expect(s.source).toBe("acme-gateway");
    expect(s.asOf?.toISOString()).toBe("2026-01-06T00:00:00.000Z");
    expect(s.citation).toBe("Source: acme-gateway, as of {as_of}.");
    expect(s.models).toEqual([
      {
        permaslug: "google/gemini-3-flash-preview-20251217",
        variant: "standard",
        publicId: "google/gemini-3-flash-preview",
        author: "google",
        name: "Google: Gemini 3 Flash Preview",
        launchDate: "2025-12-17",
        contextLength: 1048576,
        price: { inputPerM: "0.5", outputPerM: "3", cacheReadPerM: "0.05" },
      },
      {
        permaslug: "google/gemini-3-flash-preview-20251217",
        variant: "free",
        publicId: "google/gemini-3-flash-preview:free",
        author: "google",
        name: null,
        launchDate: null,
        contextLength: null,
        price: undefined,
      },
      {
        permaslug: "acme/house-model", // default: the id without its variant
        variant: "standard",
        publicId: "acme/house-model",
        author: "acme",
        name: HOSTILE[0],
        launchDate: null,
        contextLength: null,
        price: { inputPerM: "1.25", outputPerM: null, cacheReadPerM: null },
      },
    ]);
    expect(s.modelUsage).toEqual([
      {
        day: "2026-01-05",
        model: { kind: "lookup", ref: "google/gemini-3-flash-preview" },
        totalTokens: "123456789012345678",
        promptTokens: "100",
        completionTokens: "200",
        reasoningTokens: null,
        cachedTokens: "0",
        requests: "7",
        path: "modelUsage[0]",
      },
      {
        day: "2026-01-05",
        model: { kind: "lookup", ref: "google/gemini-3-flash-preview:free" },
        totalTokens: "42",
        promptTokens: null,
        completionTokens: null,
        reasoningTokens: null,
        cachedTokens: null,
        requests: null,
        path: "modelUsage[1]",
      },
      expect.objectContaining({ model: { kind: "bucket" }, totalTokens: "1000" }),
    ]);
    expect(s.apps).toEqual([
      { appId: "lemonade", name: "Lemonade", url: "https://lemonade.example/", slug: null, categories: ["coding"] },
      { appId: "3067167", name: HOSTILE[3], url: null, slug: null, categories: null },
    ]);
    expect(s.appUsage).toEqual([
      {
        appId: "lemonade",
        model: { kind: "lookup", ref: "google/gemini-3-flash-preview" },
        periodKind: "month",
        periodStart: "2026-01-01",
        periodEnd: "2026-01-31",
        totalTokens: "5000",
        requests: "3",
        rank: null,
        path: "appUsage[0]",
      },
      expect.objectContaining({ model: null, periodKind: "day", periodStart: "2026-01-05", periodEnd: "2026-01-05" }),
      expect.objectContaining({ appId: "3067167", periodKind: "window", periodStart: "2025-10-08", periodEnd: "2026-01-05", rank: 1 }),
      expect.objectContaining({ appId: "3067167", model: { kind: "bucket" }, periodKind: "window", periodStart: null }),
    ]);
  });

  it("uses the stated citation", () => {
    const s = parseJson(j(snapshot({ citation: "Source: Acme logs, as of {as_of}." })), ctx);
    expect(s.citation).toBe("Source: Acme logs, as of {as_of}.");
  });

  it("passes hostile strings through verbatim (they are made inert at render time)", () => {
    const apps = HOSTILE.map((name, i) => ({ id: `app-${i}`, name, url: `https://x.example/?q=${encodeURIComponent(name)}` }));
    const s = parseJson(j(snapshot({ apps, appUsage: [], models: [{ id: "acme/m", name: HOSTILE[2] }] })), ctx);
    expect(s.apps.map((a) => a.name)).toEqual(HOSTILE);
    expect(s.models[0].name).toBe("abc\u202Edef");
  });

  type Case = [string, (s: ReturnType<typeof snapshot>) => unknown, string, RegExp?];
  const cases: Case[] = [
    ["missing capturedAt", (s) => ({ ...s, capturedAt: undefined }), "capturedAt", /is required/],
    ["zoneless capturedAt", (s) => ({ ...s, capturedAt: "2026-01-06T00:00:00" }), "capturedAt", /zone/],
    ["impossible capturedAt", (s) => ({ ...s, capturedAt: "2026-02-30T00:00:00Z" }), "capturedAt"],
    ["blank source", (s) => ({ ...s, source: "   " }), "source", /empty/],
    ["long source", (s) => ({ ...s, source: "x".repeat(201) }), "source", /200/],
    ["unknown top-level field", (s) => ({ ...s, modelusage: [] }), "modelusage", /unknown field/],
    ["wrong format version", (s) => ({ ...s, format: "modelshare.snapshot/v2" }), "format"],
    ["negative tokens", (s) => set(s, "modelUsage", 1, { totalTokens: "-5" }), "modelUsage[1].totalTokens", /digits only/],
    ["fractional tokens", (s) => set(s, "modelUsage", 1, { totalTokens: 1.5 }), "modelUsage[1].totalTokens"],
    ["exponent tokens", (s) => set(s, "modelUsage", 1, { totalTokens: "1e9" }), "modelUsage[1].totalTokens"],
    ["unsafe number tokens", (s) => set(s, "modelUsage", 1, { totalTokens: 2 ** 60 }), "modelUsage[1].totalTokens", /2\^53/],
    ["tokens past bigint", (s) => set(s, "modelUsage", 0, { promptTokens: "9223372036854775808" }), "modelUsage[0].promptTokens"],
    ["missing totalTokens", (s) => set(s, "modelUsage", 2, { totalTokens: undefined }), "modelUsage[2].totalTokens", /is required/],
    ["impossible date", (s) => set(s, "modelUsage", 1, { date: "2026-02-29" }), "modelUsage[1].date", /real day/],
    ["unknown usage field", (s) => set(s, "modelUsage", 0, { total_tokens: "1" }), "modelUsage[0].total_tokens", /unknown field/],
    ["model with a space", (s) => set(s, "modelUsage", 1, { model: "google/gemini 3" }), "modelUsage[1].model"],
    ["month period not YYYY-MM", (s) => set(s, "appUsage", 0, { period: "2026-1" }), "appUsage[0].period"],
    ["month 13", (s) => set(s, "appUsage", 0, { period: "2026-13" }), "appUsage[0].period"],
    ["window from > to", (s) => set(s, "appUsage", 2, { period: { from: "2026-01-06", to: "2026-01-05" } }), "appUsage[2].period", /starts after/],
    ["window without to", (s) => set(s, "appUsage", 2, { period: { from: "2026-01-01" } }), "appUsage[2].period.to", /is required/],
    ["app usage without app", (s) => set(s, "appUsage", 1, { app: undefined }), "appUsage[1].app", /is required/],
    ["negative price", (s) => setModel(s, 0, { pricing: { inputPerM: "-1" } }), "models[0].pricing.inputPerM", /null/],
    ["non-decimal price", (s) => setModel(s, 0, { pricing: { inputPerM: "cheap" } }), "models[0].pricing.inputPerM"],
    ["impossible launch date", (s) => setModel(s, 0, { launchDate: "2025-11-31" }), "models[0].launchDate"],
    ["fractional context", (s) => setModel(s, 0, { contextLength: 1.5 }), "models[0].contextLength"],
    ["permaslug with variant", (s) => setModel(s, 1, { permaslug: "google/x:free" }), "models[1].permaslug"],
    ["model called other", (s) => setModel(s, 2, { id: "other" }), "models[2].id"],
    ["unknown model field", (s) => setModel(s, 2, { price: {} }), "models[2].price", /unknown field/],
    ["duplicate model id", (s) => setModel(s, 2, { id: "google/gemini-3-flash-preview" }), "models[2].id", /same as models\[0\]/],
    ["duplicate app id", (s) => ({ ...s, apps: [...s.apps, { id: "lemonade", name: "Again" }] }), "apps[2].id"],
  ];

  it.each(cases)("rejects %s at the exact path", (_name, mutate, path, message) => {
    const e = rejects(() => parseJson(j(mutate(snapshot())), ctx));
    expect(e.status).toBe(422);
    expect(e.details.map((d) => d.path)).toEqual([path]);
    if (message) expect(e.details[0].message).toMatch(message);
    expect(e.message).toContain(path);
  });

  it("reports several problems at once", () => {
    const s = snapshot();
    s.modelUsage[0].date = "2026-02-30";
    (s.modelUsage[2] as Record<string, unknown>).totalTokens = -1;
    const e = rejects(() => parseJson(j(s), ctx));
    expect(e.details.map((d) => d.path)).toEqual(["modelUsage[0].date", "modelUsage[2].totalTokens"]);
  });

  it("rejects an empty snapshot", () => {
    const e = rejects(() => parseJson(j({ format: "modelshare.snapshot/v1", source: "x", capturedAt: "2026-01-06" }), ctx));
    expect(e.status).toBe(422);
    expect(e.message).toMatch(/no models, modelUsage, apps or appUsage/);
  });
});

function set(s: ReturnType<typeof snapshot>, key: "modelUsage" | "appUsage", i: number, patch: Record<string, unknown>) {
  const rows = [...s[key]] as Record<string, unknown>[];
  rows[i] = { ...rows[i], ...patch };
  return { ...s, [key]: rows };
}

function setModel(s: ReturnType<typeof snapshot>, i: number, patch: Record<string, unknown>) {
  const models = [...s.models] as Record<string, unknown>[];
  models[i] = { ...models[i], ...patch };
  return { ...s, models };
}

// ---------------------------------------------------------------- CSV

const MODEL_CSV = [
  "# source: acme-gateway",
  "# capturedAt: 2026-01-06T00:00:00Z",
  "# citation: Source: Acme gateway logs, as of {as_of}.",
  "# anything else is a comment",
  "Date,Model,Total_Tokens,prompt_tokens,requests",
  "2026-01-05,google/gemini-3-flash-preview,123456789012345678,100,7",
  "2026-01-05,google/gemini-3-flash-preview:free,42,,",
  "",
  "2026-01-05,other,1000,,",
].join("\n");

describe("modelshare CSV", () => {
  it("parses model usage with metadata comments (header case-insensitive, order-free)", () => {
    const s = parseCsv(MODEL_CSV, ctx);
    expect(s.format).toBe("modelshare-csv");
    expect(s.source).toBe("acme-gateway");
    expect(s.asOf?.toISOString()).toBe("2026-01-06T00:00:00.000Z");
    expect(s.citation).toBe("Source: Acme gateway logs, as of {as_of}.");
    // toMatchObject: a row's path is derived from its line number when asked for (not an own property).
    expect(s.modelUsage).toMatchObject([
      {
        day: "2026-01-05",
        model: { kind: "lookup", ref: "google/gemini-3-flash-preview" },
        totalTokens: "123456789012345678",
        promptTokens: "100",
        completionTokens: null,
        reasoningTokens: null,
        cachedTokens: null,
        requests: "7",
        path: "row 6",
      },
      expect.objectContaining({ totalTokens: "42", promptTokens: null, requests: null, path: "row 7" }),
      expect.objectContaining({ model: { kind: "bucket" }, path: "row 9" }),
    ]);
  });

  it("columns can come in any order; CRLF works", () => {
    const s = parseCsv("total_tokens,date,model\r\n5,2026-01-05,a/b\r\n", { asOf: new Date("2026-01-06T00:00:00Z") });
    expect(s.modelUsage[0]).toMatchObject({ day: "2026-01-05", model: { kind: "lookup", ref: "a/b" }, totalTokens: "5" });
    expect(s.source).toBe("manual");
    expect(s.asOf?.toISOString()).toBe("2026-01-06T00:00:00.000Z"); // from the caller
  });

  it("parses app usage per day and per month, with verbatim (hostile) names", () => {
    const csv = [
      "# capturedAt: 2026-02-01",
      "period,app_id,app_name,model,total_tokens,requests",
      "2026-01,lemonade,Lemonade,,5000000,1200",
      "2026-01-05,lemonade,Lemonade,google/gemini-3-flash-preview,42000,",
      `2026-01,evil,"=cmd|' /C calc'!A0",,1,`,
      `2026-01,evil2,"<script>alert(""x"")</script>",,1,`,
      "2026-01,rtl,abc\u202Edef,,1,",
    ].join("\r\n");
    const s = parseCsv(csv, ctx);
    expect(s.asOf?.toISOString()).toBe("2026-02-01T00:00:00.000Z");
    expect(s.apps).toEqual([
      { appId: "lemonade", name: "Lemonade" },
      { appId: "evil", name: "=cmd|' /C calc'!A0" },
      { appId: "evil2", name: '<script>alert("x")</script>' },
      { appId: "rtl", name: "abc\u202Edef" },
    ]);
    expect(s.appUsage[0]).toEqual({
      appId: "lemonade",
      model: null,
      periodKind: "month",
      periodStart: "2026-01-01",
      periodEnd: "2026-01-31",
      totalTokens: "5000000",
      requests: "1200",
      path: "row 3",
    });
    expect(s.appUsage[1]).toMatchObject({
      model: { kind: "lookup", ref: "google/gemini-3-flash-preview" },
      periodKind: "day",
      periodStart: "2026-01-05",
      periodEnd: "2026-01-05",
      requests: null,
    });
  });

  it("needs capturedAt from the file or the caller", () => {
    const e = rejects(() => parseCsv("date,model,total_tokens\n2026-01-05,a/b,1\n", ctx));
    expect(e.status).toBe(422);
    expect(e.message).toMatch(/^capturedAt is required/);
  });

  const head = "# capturedAt: 2026-01-06T00:00:00Z\ndate,model,total_tokens,requests\n";
  type CsvCase = [string, string, string[], RegExp?];
  const csvCases: CsvCase[] = [
    ["negative tokens", head + "2026-01-05,a/b,-1,\n", ["row 3.total_tokens"]],
    ["decimal tokens", head + "2026-01-05,a/b,1.5,\n", ["row 3.total_tokens"]],
    ["exponent tokens", head + "2026-01-05,a/b,1e5,\n", ["row 3.total_tokens"]],
    ["impossible date", head + "2026-01-05,a/b,1,\n2026-02-30,a/b,1,\n", ["row 4.date"]],
    ["missing model", head + "2026-01-05,,1,\n", ["row 3.model"], /is required/],
    ["bad requests", head + "2026-01-05,a/b,1,x\n", ["row 3.requests"]],
    ["ragged row", head + "2026-01-05,a/b,1\n", ["row 3"], /3 cells but the header has 4/],
    ["bad capturedAt", "# capturedAt: last tuesday\ndate,model,total_tokens\n2026-01-05,a/b,1\n", ["row 1.capturedAt"]],
    ["month period not YYYY-MM", "# capturedAt: 2026-02-01\nperiod,app_id,app_name,total_tokens\n2026/01,x,X,1\n", ["row 3.period"]],
    ["conflicting app names", "# capturedAt: 2026-02-01\nperiod,app_id,app_name,total_tokens\n2026-01,x,X,1\n2026-02,x,Y,1\n", ["row 4.app_name"], /named "X" on row 3/],
    ["unterminated quote", "# capturedAt: 2026-02-01\nperiod,app_id,app_name,total_tokens\n2026-01,x,\"X,1\n", ["row 3"], /unterminated/],
  ];

  it.each(csvCases)("rejects %s at the exact row and column", (_n, csv, paths, message) => {
    const e = rejects(() => parseCsv(csv, ctx));
    expect(e.status).toBe(422);
    expect(e.details.map((d) => d.path)).toEqual(paths);
    if (message) expect(e.details[0].message).toMatch(message);
  });

  it("leaves repeated rows to the writer (it collapses identical ones, rejects conflicting ones)", () => {
    const s = parseCsv(head + "2026-01-05,a/b,1,\n2026-01-05,a/b,2,\n", ctx);
    expect(s.modelUsage.map((r) => [r.path, r.totalTokens])).toEqual([["row 3", "1"], ["row 4", "2"]]);
  });

  it("rejects unknown columns by name, and missing ones", () => {
    let e = rejects(() => parseCsv("date,model,total_tokens,tokenz,Colour\n2026-01-05,a/b,1,2,red\n", { asOf: new Date() }));
    expect(e.status).toBe(422);
    expect(e.message).toMatch(/unknown column\(s\): tokenz, colour/);
    expect(e.details.map((d) => d.path)).toEqual(["row 1.tokenz", "row 1.colour"]);
    e = rejects(() => parseCsv("period,app_id,total_tokens\n2026-01,x,1\n", { asOf: new Date() }));
    expect(e.message).toMatch(/missing column\(s\): app_name/);
  });

  it("locates errors by file line, counting comments and blank lines", () => {
    const e = rejects(() => parseCsv(MODEL_CSV.replace("2026-01-05,other,1000", "2026-01-05,other,10 00"), ctx));
    expect(e.details.map((d) => d.path)).toEqual(["row 9.total_tokens"]);
  });

  it("counts lines inside quoted multi-line cells (and refuses the newline in a name)", () => {
    const csv = '# capturedAt: 2026-02-01\nperiod,app_id,app_name,total_tokens\n2026-01,x,"two\nlines",1\n2026-01,y,Y,oops\n';
    const e = rejects(() => parseCsv(csv, ctx));
    expect(e.details.map((d) => d.path)).toEqual(["row 3.app_name", "row 5.total_tokens"]);
  });
});
