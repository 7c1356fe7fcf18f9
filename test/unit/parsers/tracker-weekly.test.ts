/**
 * The weekly tracker format on its three real snapshots: two weeks backfilled from OpenRouter's weekly
 * rankings (exact totals, a Sunday) and one weekly run (totals rounded to 1e9, run day a Monday).
 * Expectations are read from the raw JSON with JSON.parse, never from the parser.
 */
import { describe, expect, it } from "vitest";
import { parseSnapshot } from "@/lib/ingest/detect";
import { IngestError } from "@/lib/ingest/errors";
import { TRACKER_WEEKLY_CITATION } from "@/lib/ingest/formats/tracker-weekly";
import type { ModelWindowRow } from "@/lib/ingest/types";
import { readFixture } from "../../fixtures";

interface RawModel {
  slug: string;
  total_tokens: number;
  prompt_tokens: number;
  completion_tokens: number;
  reasoning_tokens: number;
  cached_tokens: number;
  request_count: number;
  prompt_price: number;
  completion_price: number;
  is_free: boolean;
}

function load(day: string) {
  const text = readFixture(`trackers/weekly/${day}.json`);
  const raw = JSON.parse(text) as { date: string; models: RawModel[]; total_tokens: number };
  return { raw, snap: parseSnapshot(text, { asOf: null }) };
}

const slugOf = (w: ModelWindowRow) => (w.model.kind === "permaslug" ? `${w.model.permaslug}${w.model.variant === "standard" ? "" : `:${w.model.variant}`}` : "");

describe("weekly tracker snapshots", () => {
  it("2025-11-16: a backfilled week, Sunday to Saturday, exact totals and real splits", () => {
    const { raw, snap } = load("2025-11-16");
    expect(snap.format).toBe("tracker-weekly");
    expect(snap.source).toBe("openrouter-inference-stats");
    expect(snap.asOf?.toISOString()).toBe("2025-11-16T00:00:00.000Z");
    expect(snap.citation).toBe(TRACKER_WEEKLY_CITATION);
    expect(snap.citation).toContain("OpenRouter (openrouter.ai/rankings)");
    expect(snap.citation).toContain("openrouter-inference-stats");
    expect(snap.modelUsage).toEqual([]); // never days
    const windows = snap.modelWindows!;
    expect(windows).toHaveLength(9);
    expect(raw.models).toHaveLength(9);
    for (const w of windows) expect(w).toMatchObject({ periodKind: "week", periodStart: "2025-11-16", periodEnd: "2025-11-22", rounded: false });
    // Exact totals: the file's own total is the sum of its models, to the token.
    const sum = windows.reduce((a, w) => a + BigInt(w.totalTokens), 0n);
    expect(sum).toBe(3525768566511n);
    expect(BigInt(raw.total_tokens)).toBe(3525768566511n);
    const sonnet = windows.find((w) => slugOf(w) === "anthropic/claude-4.5-sonnet-20250929")!;
    expect(sonnet).toMatchObject({
      totalTokens: "604216362239",
      promptTokens: "513178291995",
      completionTokens: "10027144740",
      reasoningTokens: "651420861",
      cachedTokens: "328732724874",
      requests: "15793520",
    });
    // A real zero beside real values of the same split stays zero (Gemini 2.0 Flash has no reasoning).
    expect(windows.find((w) => slugOf(w) === "google/gemini-2.0-flash-001")!.reasoningTokens).toBe("0");
  });

  it("2025-11-23: the next week, 9 models, exact total", () => {
    const { raw, snap } = load("2025-11-23");
    const windows = snap.modelWindows!;
    expect(windows).toHaveLength(9);
    expect(new Set(windows.map((w) => `${w.periodStart}..${w.periodEnd}`))).toEqual(new Set(["2025-11-23..2025-11-29"]));
    expect(windows.reduce((a, w) => a + BigInt(w.totalTokens), 0n)).toBe(BigInt(raw.total_tokens));
    expect(windows.find((w) => slugOf(w) === "x-ai/grok-code-fast-1")).toMatchObject({ totalTokens: "1248613563532", promptTokens: "1223686639353", completionTokens: "24926924179", requests: "32900761" });
  });

  it("2026-03-02: a weekly run — a window ending on the run day, start unknown, totals rounded", () => {
    const { raw, snap } = load("2026-03-02");
    const windows = snap.modelWindows!;
    expect(windows).toHaveLength(10);
    for (const w of windows) expect(w).toMatchObject({ periodKind: "window", periodStart: null, periodEnd: "2026-03-02", rounded: true });
    expect(windows.reduce((a, w) => a + BigInt(w.totalTokens), 0n)).toBe(7585000000000n);
    expect(raw.total_tokens).toBe(7585000000000);
    const flash = windows.find((w) => slugOf(w) === "google/gemini-3-flash-preview-20251217")!;
    expect(flash).toMatchObject({ totalTokens: "1030000000000", promptTokens: "988416831302", completionTokens: "39469664445" });
  });

  it("takes the variant from the slug suffix, whatever is_free says", () => {
    const polaris = load("2025-11-16");
    const raw = polaris.raw.models.find((m) => m.slug === "openrouter/polaris-alpha")!;
    expect(raw.is_free).toBe(true); // the tracker says free…
    const w = polaris.snap.modelWindows!.find((x) => slugOf(x) === "openrouter/polaris-alpha")!;
    expect(w.model).toEqual({ kind: "permaslug", permaslug: "openrouter/polaris-alpha", variant: "standard" }); // …no suffix: standard
    const sherlock = load("2025-11-23").snap.modelWindows!.find((x) => x.model.kind === "permaslug" && x.model.permaslug === "openrouter/sherlock-think-alpha")!;
    expect(sherlock.model).toMatchObject({ variant: "standard" });
    const run = load("2026-03-02").snap.modelWindows!.find((x) => x.model.kind === "permaslug" && x.model.permaslug === "arcee-ai/trinity-large-preview")!;
    expect(run.model).toMatchObject({ variant: "free" });
    // Every is_free/suffix disagreement in the three files: two stealth models, priced 0, without `:free`.
    const disagreements = ["2025-11-16", "2025-11-23", "2026-03-02"].flatMap((d) => load(d).raw.models.filter((m) => m.is_free !== m.slug.endsWith(":free")).map((m) => m.slug));
    expect(disagreements).toEqual(["openrouter/polaris-alpha", "openrouter/sherlock-think-alpha"]);
  });

  it("states prices on the snapshot's day, per 1M tokens, exactly", () => {
    const { snap } = load("2025-11-16");
    const sonnet = snap.priceObservations!.find((p) => p.model.kind === "permaslug" && p.model.permaslug === "anthropic/claude-4.5-sonnet-20250929")!;
    expect(sonnet.price).toEqual({ inputPerM: "3", outputPerM: "15", cacheReadPerM: "0.3" });
    const minimax = snap.priceObservations!.find((p) => p.model.kind === "permaslug" && p.model.permaslug === "minimax/minimax-m2")!;
    expect(minimax.price).toMatchObject({ inputPerM: "0.255", outputPerM: "1" });
  });

  it("a split that is 0 for every model is unknown, not zero", () => {
    const body = JSON.parse(readFixture("trackers/weekly/2026-03-02.json")) as { models: Record<string, unknown>[] };
    for (const m of body.models) {
      m.prompt_tokens = 0;
      m.completion_tokens = 0;
      m.request_count = 0;
    }
    const snap = parseSnapshot(JSON.stringify(body), { asOf: null });
    for (const w of snap.modelWindows!) {
      expect(w.promptTokens).toBeNull();
      expect(w.completionTokens).toBeNull();
      expect(w.requests).toBeNull();
    }
    expect(snap.modelWindows!.some((w) => w.cachedTokens === "0")).toBe(true); // cached is known in this file: its zero is a zero
  });

  it("refuses a bad row with a located 422", () => {
    const body = JSON.parse(readFixture("trackers/weekly/2025-11-16.json")) as { models: Record<string, unknown>[] };
    body.models[3].total_tokens = -5;
    try {
      parseSnapshot(JSON.stringify(body), { asOf: null });
      throw new Error("expected a rejection");
    } catch (e) {
      expect(e).toBeInstanceOf(IngestError);
      expect((e as IngestError).status).toBe(422);
      expect((e as IngestError).details[0].path).toBe("models[3].total_tokens");
    }
  });
});
