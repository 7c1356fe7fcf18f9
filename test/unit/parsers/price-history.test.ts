import { describe, expect, it } from "vitest";
import { parseSnapshot } from "@/lib/ingest/detect";
import { OPENROUTER_CITATION } from "@/lib/ingest/types";
import { readFixture } from "../../fixtures";
import { rejects } from "../../rejects";

const FILE = "prices/price-history-2026-09-02.json";


describe("tracker price history (prices/price-history-2026-09-02.json)", () => {
  const text = readFixture(FILE);
  const snap = parseSnapshot(text, { asOf: null });
  const byId = new Map((snap.priceHistory ?? []).map((e) => [e.publicId, e]));

  it("is detected from its content and dated by its own as_of", () => {
    expect(snap.format).toBe("tracker-price-history");
    expect(snap.asOf?.toISOString()).toBe("2026-08-22T00:00:00.000Z");
    expect(snap.citation).toBe(OPENROUTER_CITATION);
  });

  it("reads every model id and one price per changed day (counted in the file: 978 ids, 2,844 points on 2,728 model days)", () => {
    expect(snap.priceHistory).toHaveLength(978);
    expect(snap.priceHistory!.reduce((n, e) => n + e.points.length, 0)).toBe(2728);
  });

  it("keeps the last of several changes on one day (the price in effect at its end)", () => {
    const llama = byId.get("meta-llama/llama-3.1-8b-instruct")!;
    expect(llama.points.filter((p) => p.day === "2025-06-17")).toEqual([{ day: "2025-06-17", inputPerM: "0.016", outputPerM: "0.03" }]);
  });

  it("keeps exact prices per 1M tokens at each change", () => {
    const qwen = byId.get("qwen/qwen-2.5-72b-instruct")!;
    expect(qwen.name).toBe("Qwen2.5 72B Instruct");
    expect(qwen.points.slice(0, 3)).toEqual([
      { day: "2024-09-21", inputPerM: "0.35", outputPerM: "0.4" },
      { day: "2024-12-06", inputPerM: "0.23", outputPerM: "0.4" },
      { day: "2025-02-05", inputPerM: "0.13", outputPerM: "0.4" },
    ]);
    expect(qwen.points.find((p) => p.day === "2025-08-05")).toEqual({ day: "2025-08-05", inputPerM: "0.06664", outputPerM: "0.266688" });
  });

  it("keeps free variants that came and went, with the days they were seen", () => {
    const exp = byId.get("google/gemini-2.5-pro-exp-03-25:free")!;
    expect(exp).toMatchObject({ firstSeen: "2025-03-26", lastSeen: "2025-04-25" });
    expect(exp.points).toEqual([{ day: "2025-03-26", inputPerM: "0", outputPerM: "0" }]);
    const free = [...byId.values()].filter((e) => e.publicId.endsWith(":free"));
    expect(free.length).toBeGreaterThan(10);
    expect(free.some((e) => e.lastSeen < "2026-08-22")).toBe(true);
    expect(free.some((e) => e.lastSeen === "2026-08-22")).toBe(true);
  });

  it("reads a null price as dynamic (routers)", () => {
    expect(byId.get("openrouter/free")!.points[0]).toMatchObject({ inputPerM: null, outputPerM: null });
  });

  it("refuses bad points with their location", () => {
    const bad = JSON.stringify({
      as_of: "2026-08-22",
      models: {
        "a/b": { name: "B", first_seen: "2025-01-01", last_seen: "2025-01-01", present_now: false, points: [["2025-02-30", 1, 1], ["2025-01-01", "x", 1]] },
        "a/d": { name: "D", first_seen: "2025-01-01", last_seen: "2025-03-01", present_now: false, points: [["2025-02-01", 1, 1], ["2025-01-01", 1, 1]] },
        "a/c": { name: "C", first_seen: "2025-01-02", last_seen: "2025-01-01", present_now: false, points: [["2027-01-01", 1, 1]] },
      },
    });
    const e = rejects(() => parseSnapshot(bad, { asOf: null }));
    expect(e.status).toBe(422);
    const paths = e.details.map((d) => d.path);
    expect(paths).toContain('models["a/b"].points[0][0]');
    expect(paths).toContain('models["a/b"].points[1][1]');
    expect(paths).toContain('models["a/c"].last_seen');
    expect(paths).toContain('models["a/d"].points[1][0]');
    expect(paths).toContain('models["a/c"].points[0][0]');
  });
});
