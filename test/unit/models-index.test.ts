/** The models index: filters and sorts as the page's parameters ask, on the real catalogue. */
import { describe, expect, it } from "vitest";
import { parseOpenRouterModels } from "@/lib/ingest/formats/openrouter-models";
import { modelsIndexHref, modelsIndexRows, MODELS_INDEX_DEFAULTS, parseModelsIndexQuery } from "@/lib/pages/models-index";
import type { ModelListItem } from "@/lib/queries/types";
import { readFixture } from "../fixtures";

const snap = parseOpenRouterModels(JSON.parse(readFixture("models/openrouter-models-2026-08.json")));
const models: ModelListItem[] = snap.models.map((r, i) => ({
  modelId: i, publicId: r.publicId, permaslug: r.permaslug, variant: r.variant, author: r.author, name: r.name,
  launchDate: r.launchDate, contextLength: r.contextLength, inputPerM: r.price?.inputPerM ?? null, outputPerM: r.price?.outputPerM ?? null,
  free: r.variant === "free", tokens: String(i * 1000),
}));

describe("modelsIndexRows", () => {
  it("shows every model by default, most tokens first", () => {
    const rows = modelsIndexRows(models, MODELS_INDEX_DEFAULTS);
    expect(rows).toHaveLength(models.length);
    expect(rows[0].tokens).toBe(String((models.length - 1) * 1000));
  });
  it("filters by vendor, free or paid, and minimum context", () => {
    const q = parseModelsIndexQuery({ author: "google", price: "paid", context: "1000000" });
    const rows = modelsIndexRows(models, q);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((m) => m.author === "google" && !m.free && (m.contextLength ?? 0) >= 1_000_000)).toBe(true);
    const expected = models.filter((m) => m.author === "google" && m.variant !== "free" && (m.contextLength ?? 0) >= 1_000_000).length;
    expect(rows).toHaveLength(expected);
    const free = modelsIndexRows(models, parseModelsIndexQuery({ price: "free" }));
    expect(free).toHaveLength(models.filter((m) => m.publicId.endsWith(":free")).length);
  });
  it("marks models that have a free variant", () => {
    const rows = modelsIndexRows(models, MODELS_INDEX_DEFAULTS);
    const free = rows.find((m) => m.free)!;
    const paidSibling = rows.find((m) => m.permaslug === free.permaslug && !m.free);
    if (paidSibling) expect(paidSibling.hasFree).toBe(true);
  });
  it("searches like the search box: word order and versions do not matter", () => {
    const rows = modelsIndexRows(models, parseModelsIndexQuery({ q: "pro gemini 2.5" }));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((m) => m.publicId.startsWith("google/gemini-2.5-pro"))).toBe(true);
  });
  it("sorts by a column either way, models without the value last", () => {
    const asc = modelsIndexRows(models, parseModelsIndexQuery({ sort: "input", dir: "asc" }));
    const priced = asc.filter((m) => m.inputPerM !== null).map((m) => Number(m.inputPerM));
    expect(priced).toEqual([...priced].sort((a, b) => a - b));
    expect(asc.at(-1)!.inputPerM).toBeNull();
    const desc = modelsIndexRows(models, parseModelsIndexQuery({ sort: "input" }));
    expect(Number(desc[0].inputPerM)).toBe(Math.max(...priced));
    expect(desc.at(-1)!.inputPerM).toBeNull();
    const names = modelsIndexRows(models, parseModelsIndexQuery({ sort: "name" })).map((m) => (m.name ?? m.publicId).toLowerCase());
    expect(names).toEqual([...names].sort());
  });
  it("ignores unreadable parameters and writes only non-default ones back", () => {
    expect(parseModelsIndexQuery({ sort: "bogus", price: "cheap", context: "7", author: "<script>" })).toEqual(MODELS_INDEX_DEFAULTS);
    expect(modelsIndexHref(MODELS_INDEX_DEFAULTS)).toBe("/models");
    expect(modelsIndexHref({ ...MODELS_INDEX_DEFAULTS, sort: "name", dir: "asc", author: "x-ai" }, { from: "2026-01-01" })).toBe("/models?author=x-ai&sort=name&from=2026-01-01");
  });
});
