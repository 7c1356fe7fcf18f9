/**
 * Search as people type: word order, punctuation and version spellings do not matter, and the order of
 * results is deterministic. Checked on the sample catalogue and on the real OpenRouter catalogue (414 models).
 */
import { describe, expect, it } from "vitest";
import { parseOpenRouterModels } from "@/lib/ingest/formats/openrouter-models";
import { appCandidate, indexCandidates, modelCandidate, narrowCandidates, rankCandidates, vendorCandidate } from "@/lib/queries/search";
import { searchTokens } from "@/lib/queries/search-text";
import type { ModelListItem } from "@/lib/queries/types";
import { SAMPLE_MODELS } from "@/lib/sample/models";
import type { ModelRecord } from "@/lib/ingest/types";
import { readFixture } from "../fixtures";

function item(r: ModelRecord, tokens = "0"): ModelListItem {
  return {
    modelId: 0, publicId: r.publicId, permaslug: r.permaslug, variant: r.variant, author: r.author, name: r.name,
    launchDate: r.launchDate, contextLength: r.contextLength, inputPerM: null, outputPerM: null, free: r.variant === "free", tokens,
  };
}

const real = parseOpenRouterModels(JSON.parse(readFixture("models/openrouter-models-2026-08.json"))).models;
/** Models since 2024-09 (the tracker's price history: 978 ids, retired ones included, e.g. Claude 3.7 Sonnet). */
const history = Object.entries(
  (JSON.parse(readFixture("prices/price-history-2026-09-02.json")) as { models: Record<string, { name: string }> }).models,
).map(([id, m]): ModelRecord => {
  const colon = id.lastIndexOf(":");
  return {
    publicId: id,
    permaslug: colon < 0 ? id : id.slice(0, colon),
    variant: colon < 0 ? "standard" : id.slice(colon + 1),
    author: id.slice(0, id.indexOf("/")).replace(/^~/, ""),
    name: m.name,
    launchDate: null,
    contextLength: null,
  };
});
const current = new Set(real.map((r) => r.publicId));
const realCandidates = [...real, ...history.filter((r) => !current.has(r.publicId))].map((r) => modelCandidate(item(r)));
const sampleCandidates = SAMPLE_MODELS.map((m) => modelCandidate(item(m.record)));
const ids = (q: string, cands = realCandidates, n = 10) => rankCandidates(q, cands, n).map((h) => h.id);

describe("searchTokens", () => {
  it("reads versions written with dots, dashes or underscores as one token", () => {
    expect(searchTokens("claude-3.7-sonnet")).toEqual(["claude", "3.7", "sonnet"]);
    expect(searchTokens("claude-3-7-sonnet-20250219")).toEqual(["claude", "3.7", "sonnet", "20250219"]);
    expect(searchTokens("Sonnet 3_7")).toEqual(["sonnet", "3.7"]);
  });
  it("keeps sizes, dates and letters glued to digits apart from versions", () => {
    expect(searchTokens("llama-3.1-8b-instruct")).toEqual(["llama", "3.1", "8", "b", "instruct"]);
    expect(searchTokens("deepseek-r1-0528")).toEqual(["deepseek", "r", "1", "0528"]);
    expect(searchTokens("GPT-4o")).toEqual(["gpt", "4", "o"]);
  });
  it("drops accents and punctuation", () => {
    expect(searchTokens("Élan: Café (free)")).toEqual(["elan", "cafe", "free"]);
  });
});

describe("ranking on the real catalogue (2026-08, and every model listed since 2024-09)", () => {
  it("sonnet 3.7 → anthropic/claude-3.7-sonnet first, whatever the spelling", () => {
    for (const q of ["sonnet 3.7", "claude 3.7 sonnet", "3.7 sonnet", "Sonnet 3-7", "sonnet 37", "claude-3.7-sonnet", "CLAUDE 3.7, SONNET"]) {
      const got = ids(q);
      expect(got[0], q).toBe("anthropic/claude-3.7-sonnet");
      expect(got.every((id) => id.startsWith("anthropic/claude-3.7-sonnet")), q).toBe(true);
    }
  });
  it("gemini pro 2.5 → only the Gemini 2.5 Pro models, the plain one first", () => {
    const expected = realCandidates.map((c) => c.hit.id).filter((id) => /^google\/gemini-2\.5-pro/.test(id));
    expect(expected.length).toBeGreaterThan(0);
    const got = ids("gemini pro 2.5", realCandidates, 50);
    expect(new Set(got)).toEqual(new Set(expected));
    expect(got[0]).toBe("google/gemini-2.5-pro");
    expect(ids("2.5 pro gemini", realCandidates, 50)).toEqual(got);
  });
  it("a version prefix finds its point releases, never a longer number", () => {
    const got = ids("gpt 4", realCandidates, 100);
    expect(got).toContain("openai/gpt-4.1");
    expect(got).toContain("openai/gpt-4o");
    expect(got.some((id) => /gpt-4\d/.test(id))).toBe(false);
  });
  it("every query token must match; nothing matches nonsense", () => {
    expect(ids("sonnet 9.9")).toEqual([]);
    expect(ids("zzzz")).toEqual([]);
    expect(ids("")).toEqual([]);
  });
  it("is deterministic: the same candidates in any order give the same list", () => {
    const shuffled = [...realCandidates].reverse();
    for (const q of ["gemini", "free", "mistral small", "qwen 3"]) expect(ids(q, shuffled, 30)).toEqual(ids(q, realCandidates, 30));
  });
});

describe("ranking across kinds", () => {
  const cands = [
    vendorCandidate("google", 3, "100"),
    vendorCandidate("x-ai", 2, "50"),
    ...sampleCandidates,
    appCandidate({ appId: "2627404", name: "Claude Code", categories: ["coding"] }, "37184223460301"),
    appCandidate({ appId: "1", name: "Gemini Helper", categories: null }, "5"),
  ];
  it("a query naming a vendor whole puts the vendor first, by its written name or its slug", () => {
    expect(rankCandidates("google", cands, 5)[0]).toMatchObject({ kind: "vendor", id: "google", label: "Google", href: "/vendors/google" });
    expect(rankCandidates("xai", cands, 5)[0]).toMatchObject({ kind: "vendor", id: "x-ai", label: "xAI" });
    expect(rankCandidates("x-ai", cands, 5)[0]).toMatchObject({ kind: "vendor", id: "x-ai" });
  });
  it("an app named by its words comes before models that only share one", () => {
    expect(rankCandidates("claude code", cands, 5)[0]).toMatchObject({ kind: "app", id: "2627404", href: "/apps/2627404" });
  });
  it("on the sample, sonnet 3.7 finds Claude 3.7 Sonnet first and links its page", () => {
    expect(rankCandidates("sonnet 3.7", sampleCandidates, 5)[0]).toMatchObject({
      id: "anthropic/claude-3.7-sonnet",
      label: "Claude 3.7 Sonnet",
      detail: "Anthropic",
      href: "/models/anthropic/claude-3.7-sonnet",
    });
  });
  it("equal matches are ordered by tokens, then id", () => {
    const a = modelCandidate(item({ ...SAMPLE_MODELS[0].record, publicId: "acme/widget-a", permaslug: "acme/widget-a", name: "Widget A" }, "5"));
    const b = modelCandidate(item({ ...SAMPLE_MODELS[0].record, publicId: "acme/widget-b", permaslug: "acme/widget-b", name: "Widget B" }, "500"));
    const c = modelCandidate(item({ ...SAMPLE_MODELS[0].record, publicId: "acme/widget-c", permaslug: "acme/widget-c", name: "Widget C" }, "5"));
    expect(rankCandidates("widget", [a, c, b], 5).map((h) => h.id)).toEqual(["acme/widget-b", "acme/widget-a", "acme/widget-c"]);
  });
});

describe("narrowing by the token index", () => {
  const index = indexCandidates(realCandidates);
  it.each(["sonnet 3.7", "sonnet 37", "gemini pro 2.5", "2.5", "gpt4o", "free", "mistral small", "qwen 3", "3", "1", "llama 70b", "70", "anthropic", "o3 mini", "zzzz", "r1 0528", "flash lite", "claude-3"])(
    "keeps every match of %j, and drops candidates that cannot match",
    (q) => {
      const narrowed = narrowCandidates(q, index);
      expect(rankCandidates(q, narrowed, 1000)).toEqual(rankCandidates(q, realCandidates, 1000));
      expect(narrowed.length).toBeLessThanOrEqual(realCandidates.length);
    },
  );
  it("looks at a small part of the catalogue for a specific query", () => {
    expect(narrowCandidates("sonnet 3.7", index).length).toBeLessThan(realCandidates.length / 10);
  });
});
