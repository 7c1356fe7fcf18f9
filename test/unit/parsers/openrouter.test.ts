import { describe, expect, it } from "vitest";
import { parse as parseModels } from "@/lib/ingest/formats/openrouter-models";
import { parse as parseRankings } from "@/lib/ingest/formats/openrouter-rankings-daily";
import { parse as parseAppRankings } from "@/lib/ingest/formats/openrouter-app-rankings";
import { OPENROUTER_CITATION, type ModelRecord } from "@/lib/ingest/types";
import { readFixture } from "../../fixtures";
import { rejects } from "../../rejects";

const ctx = { asOf: null };

// ---------------------------------------------------------------- rankings-daily

describe("OpenRouter rankings-daily", () => {
  const text = readFixture("rankings-daily/rankings-daily-2026-09-22.json");
  const raw = JSON.parse(text) as {
    data: { date: string; model_permaslug: string; total_tokens: string }[];
    meta: { as_of: string; start_date: string; end_date: string };
  };
  const snap = parseRankings(text, ctx);

  it("keeps every row, with as_of and citation", () => {
    expect(snap.format).toBe("openrouter-rankings-daily");
    expect(snap.source).toBe("openrouter");
    expect(snap.citation).toBe(OPENROUTER_CITATION);
    expect(snap.asOf?.toISOString()).toBe(raw.meta.as_of);
    expect(snap.asOf?.toISOString()).toBe("2026-09-22T10:34:37.721Z");
    expect(snap.modelUsage).toHaveLength(raw.data.length);
    expect(snap.modelUsage).toHaveLength(4590);
    expect(snap.models).toEqual([]);
    expect(snap.modelUsage[12].path).toBe("data[12]");
  });

  it("turns `other` into one bucket per day, never a model", () => {
    const days = new Set(raw.data.map((r) => r.date));
    const buckets = snap.modelUsage.filter((r) => r.model.kind === "bucket");
    const rawOthers = raw.data.filter((r) => r.model_permaslug === "other");
    expect(buckets).toHaveLength(rawOthers.length);
    // One per day: the fixture covers 90 days (2026-06-24..2026-09-21), so 90 buckets, not 91.
    expect(buckets).toHaveLength(days.size);
    expect(new Set(buckets.map((b) => b.day)).size).toBe(days.size);
    expect(buckets).toHaveLength(90);
    expect(snap.modelUsage.filter((r) => r.model.kind === "lookup")).toHaveLength(0);
  });

  it("splits dated permaslugs and variants", () => {
    const free = new Set<string>();
    for (const r of snap.modelUsage) {
      if (r.model.kind === "permaslug" && r.model.variant === "free") free.add(r.model.permaslug);
      if (r.model.kind === "permaslug") expect(r.model.permaslug).not.toContain(":");
    }
    const rawFree = new Set(raw.data.filter((r) => r.model_permaslug.endsWith(":free")).map((r) => r.model_permaslug));
    expect(free.size).toBe(rawFree.size);
    expect(free.size).toBe(20);
    const i = raw.data.findIndex((r) => r.model_permaslug.endsWith(":free"));
    expect(snap.modelUsage[i].model).toEqual({
      kind: "permaslug",
      permaslug: raw.data[i].model_permaslug.slice(0, -":free".length),
      variant: "free",
    });
    const j = raw.data.findIndex((r) => r.model_permaslug === "deepseek/deepseek-v4-flash-20260423");
    expect(snap.modelUsage[j].model).toEqual({ kind: "permaslug", permaslug: "deepseek/deepseek-v4-flash-20260423", variant: "standard" });
  });

  it("keeps total_tokens exact as strings", () => {
    const big = raw.data.findIndex((r) => BigInt(r.total_tokens) > 2n ** 31n);
    expect(big).toBeGreaterThanOrEqual(0);
    expect(snap.modelUsage[big].totalTokens).toBe(raw.data[big].total_tokens);
    const max = raw.data.reduce((m, r) => (BigInt(r.total_tokens) > BigInt(m.total_tokens) ? r : m));
    const parsedMax = snap.modelUsage.reduce((m, r) => (BigInt(r.totalTokens) > BigInt(m.totalTokens) ? r : m));
    expect(parsedMax.totalTokens).toBe(max.total_tokens);
    expect(parsedMax.totalTokens).toBe("5929599506221"); // ≈ 5.9e12
    expect(parsedMax.model).toEqual({ kind: "permaslug", permaslug: "stealth/ox-alpha", variant: "standard" });
    const sumRaw = raw.data.reduce((s, r) => s + BigInt(r.total_tokens), 0n);
    const sumParsed = snap.modelUsage.reduce((s, r) => s + BigInt(r.totalTokens), 0n);
    expect(sumParsed).toBe(sumRaw);
    for (const r of snap.modelUsage) expect(r.day >= raw.meta.start_date && r.day <= raw.meta.end_date).toBe(true);
  });

  it("rejects bad rows with located errors", () => {
    const body = JSON.parse(text);
    body.data[3].total_tokens = "-5";
    body.data[7].date = "2026-02-30";
    delete body.data[9].model_permaslug;
    const e = rejects(() => parseRankings(JSON.stringify(body), ctx));
    expect(e.status).toBe(422);
    expect(e.details.map((d) => d.path)).toEqual(["data[3].total_tokens", "data[7].date", "data[9].model_permaslug"]);
    expect(e.message).toContain("data[3].total_tokens");
  });

  it("rejects a missing meta.as_of", () => {
    const body = JSON.parse(text);
    delete body.meta.as_of;
    const e = rejects(() => parseRankings(JSON.stringify(body), ctx));
    expect(e.details).toEqual([{ path: "meta.as_of", message: "is required" }]);
  });

  it("passes a repeated (date, permaslug) through: the writer compares repeats after resolving models", () => {
    const body = JSON.parse(text);
    body.data[1] = { ...body.data[0] };
    const s = parseRankings(JSON.stringify(body), ctx);
    expect(s.modelUsage[1]).toEqual({ ...s.modelUsage[0], path: "data[1]" });
  });
});

// ---------------------------------------------------------------- app-rankings

describe("OpenRouter app-rankings", () => {
  const categories = ["coding", "creative", "entertainment", "productivity"];
  for (const cat of categories) {
    it(`parses ${cat}: every row, exact totals, window from meta`, () => {
      const text = readFixture(`app-rankings/app-rankings-${cat}-2026-09-22.json`);
      const raw = JSON.parse(text) as {
        data: { rank: number; app_id: number; app_name: string; total_tokens: string; total_requests: number }[];
        meta: { as_of: string; start_date: string; end_date: string };
      };
      const snap = parseAppRankings(text, ctx);
      expect(snap.format).toBe("openrouter-app-rankings");
      expect(snap.asOf?.toISOString()).toBe(raw.meta.as_of);
      expect(snap.apps).toHaveLength(raw.data.length);
      expect(snap.appUsage).toHaveLength(raw.data.length);
      raw.data.forEach((r, i) => {
        expect(snap.apps[i]).toEqual({ appId: String(r.app_id), name: r.app_name });
        expect(snap.appUsage[i]).toEqual({
          appId: String(r.app_id),
          model: null,
          periodKind: "window",
          periodStart: raw.meta.start_date,
          periodEnd: raw.meta.end_date,
          totalTokens: r.total_tokens,
          requests: String(r.total_requests),
          rank: r.rank,
          category: null,
          path: `data[${i}]`,
        });
      });
    });
  }

  it("keeps ≈1.2e14 totals exact and tells apart two apps both called pi", () => {
    const snap = parseAppRankings(readFixture("app-rankings/app-rankings-coding-2026-09-22.json"), ctx);
    const top = snap.appUsage[0];
    expect(top.totalTokens).toBe("119438269112876");
    expect(Number(top.totalTokens)).toBeGreaterThan(1.19e14);
    const pis = snap.apps.filter((a) => a.name === "pi");
    expect(pis).toHaveLength(2);
    expect(new Set(pis.map((a) => a.appId)).size).toBe(2);
  });

  it("keeps the category the body was asked for, from the caller or the stored meta, and refuses a contradiction", () => {
    const text = readFixture("app-rankings/app-rankings-creative-2026-09-22.json");
    expect(new Set(parseAppRankings(text, { asOf: null, category: "creative" }).appUsage.map((u) => u.category))).toEqual(new Set(["creative"]));
    const stored = JSON.parse(text);
    stored.meta.category = "creative";
    expect(parseAppRankings(JSON.stringify(stored), ctx).appUsage[0].category).toBe("creative");
    expect(parseAppRankings(text, { asOf: null, category: "all" }).appUsage[0].category).toBeNull();
    const e = rejects(() => parseAppRankings(JSON.stringify(stored), { asOf: null, category: "coding" }));
    expect(e.details).toEqual([{ path: "meta.category", message: 'is "creative" but the snapshot was sent as category "coding"' }]);
    stored.meta.category = "Not A Category";
    expect(rejects(() => parseAppRankings(JSON.stringify(stored), ctx)).details[0].path).toBe("meta.category");
  });

  it("rejects a fractional request count and a non-integer rank", () => {
    const body = JSON.parse(readFixture("app-rankings/app-rankings-creative-2026-09-22.json"));
    body.data[2].total_requests = 1.5;
    body.data[4].rank = "first";
    const e = rejects(() => parseAppRankings(JSON.stringify(body), ctx));
    expect(e.details.map((d) => d.path)).toEqual(["data[2].total_requests", "data[4].rank"]);
  });
});

// ---------------------------------------------------------------- models catalogue

type RawModel = { id: string; canonical_slug: string; name: string; created: number; context_length: number; pricing: Record<string, unknown> };

describe("OpenRouter models catalogue", () => {
  const text = readFixture("models/openrouter-models-2026-08.json");
  const raw = (JSON.parse(text) as { data: RawModel[] }).data;
  const snap = parseModels(text, ctx);
  const byId = new Map(snap.models.map((m) => [m.publicId, m]));

  it("one record per entry, no date of its own", () => {
    expect(snap.format).toBe("openrouter-models");
    expect(snap.asOf).toBeNull();
    expect(snap.citation).toBe(OPENROUTER_CITATION);
    expect(snap.models).toHaveLength(raw.length);
    expect(snap.models).toHaveLength(414);
    expect(snap.modelUsage).toEqual([]);
  });

  it("variants come from the id suffix; identity is canonical_slug + variant", () => {
    const count = (v: string) => snap.models.filter((m) => m.variant === v).length;
    expect(count("free")).toBe(raw.filter((m) => m.id.endsWith(":free")).length);
    expect(count("free")).toBe(17);
    expect(count("batch")).toBe(61);
    const aliases = snap.models.filter((m) => m.publicId.startsWith("~"));
    expect(aliases).toHaveLength(11);
    for (const a of aliases) expect(a.author).not.toMatch(/^~/);
    expect(byId.get("~anthropic/claude-opus-latest")?.author).toBe("anthropic");
    const identities = new Set(snap.models.map((m) => `${m.permaslug}|${m.variant}`));
    expect(identities.size).toBe(raw.length);
    for (const m of snap.models) expect(m.permaslug).toBe(raw.find((r) => r.id === m.publicId)!.canonical_slug);
  });

  it("a zero-priced router without :free is standard, not free", () => {
    const free = byId.get("openrouter/free")!;
    expect(free.variant).toBe("standard");
    expect(free.price).toEqual({ inputPerM: "0", outputPerM: "0", cacheReadPerM: "0" });
  });

  it('"-1" router prices are dynamic (null), not prices', () => {
    const routers = raw.filter((m) => m.pricing.prompt === "-1").map((m) => m.id);
    expect(routers.length).toBe(5);
    for (const id of routers) {
      expect(byId.get(id)!.price).toEqual({ inputPerM: null, outputPerM: null, cacheReadPerM: "0" });
    }
  });

  it("per-token strings become exact per-1M strings; missing keys are 0", () => {
    const q = byId.get("qwen/qwen3.8-27b")!;
    expect(q).toEqual<ModelRecord>({
      permaslug: "qwen/qwen3.8-27b-20260814",
      variant: "standard",
      publicId: "qwen/qwen3.8-27b",
      author: "qwen",
      name: "Qwen: Qwen3.8 27B",
      launchDate: "2026-08-14",
      contextLength: 262144,
      price: { inputPerM: "0.45", outputPerM: "3.2", cacheReadPerM: "0.05" },
    });
    const s = byId.get("bytedance-seed/seed-2.0-code")!; // also has an `overrides` array, ignored
    expect(s.price).toEqual({ inputPerM: "0.5", outputPerM: "3", cacheReadPerM: "0" });
    // Every price equals the raw per-token value × 1e6, checked with BigInt on scaled integers.
    const scale = (v: string) => {
      const [i, f = ""] = v.split(".");
      return BigInt(i + f.padEnd(30, "0"));
    };
    for (const m of raw) {
      const p = byId.get(m.id)!.price!;
      const prompt = m.pricing.prompt as string;
      if (prompt === "-1") continue;
      expect(scale(p.inputPerM!)).toBe(scale(prompt) * 10n ** 6n);
    }
  });

  it("launch dates and context lengths come through", () => {
    for (const m of raw) {
      const rec = byId.get(m.id)!;
      expect(rec.launchDate).toBe(new Date(m.created * 1000).toISOString().slice(0, 10));
      expect(rec.contextLength).toBe(m.context_length);
      expect(rec.name).toBe(m.name);
    }
  });

  it("small catalogue edge cases: extra price kinds are ignored, the router is dynamic", () => {
    const small = parseModels(readFixture("models/openrouter-models-small.json"), ctx);
    const m = new Map(small.models.map((x) => [x.publicId, x]));
    expect(small.models).toHaveLength(6);
    expect(m.get("anthropic/claude-opus-5")!.price).toEqual({ inputPerM: "5", outputPerM: "25", cacheReadPerM: "0.5" });
    expect(m.get("google/gemini-3-pro-image")!.price).toEqual({ inputPerM: "2", outputPerM: "12", cacheReadPerM: "0.2" });
    expect(m.get("~google/gemini-pro-latest")).toMatchObject({
      permaslug: "~google/gemini-pro-latest",
      author: "google",
      price: { inputPerM: "2", outputPerM: "12", cacheReadPerM: "0.2" }, // base tier, not the long-context override
    });
    expect(m.get("openai/gpt-audio")!.price).toEqual({ inputPerM: "2.5", outputPerM: "10", cacheReadPerM: "0" });
    expect(m.get("perplexity/sonar-deep-research")!.price).toEqual({ inputPerM: "2", outputPerM: "8", cacheReadPerM: "0" });
    expect(m.get("openrouter/auto-beta")!.price).toEqual({ inputPerM: null, outputPerM: null, cacheReadPerM: "0" });
    expect(m.get("openrouter/auto-beta")!.contextLength).toBe(2000000);
  });

  it("ignores unknown fields but locates errors in the ones it uses", () => {
    const body = JSON.parse(text);
    body.data[3].context_length = "big";
    body.data[5].pricing.prompt = "cheap";
    delete body.data[8].canonical_slug;
    body.data[9].brand_new_field = { anything: true };
    const e = rejects(() => parseModels(JSON.stringify(body), ctx));
    expect(e.status).toBe(422);
    expect(e.details.map((d) => d.path).sort()).toEqual(
      ["data[3].context_length", "data[5].pricing.prompt", "data[8].canonical_slug"].sort(),
    );
    expect(e.details.find((d) => d.path === "data[8].canonical_slug")!.message).toBe("is required");
  });

  it("rejects a body without data[]", () => {
    const e = rejects(() => parseModels(JSON.stringify({ models: [] }), ctx));
    expect(e.status).toBe(422);
    expect(e.details[0].path).toBe("data");
  });
});


