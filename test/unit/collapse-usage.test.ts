import { describe, expect, it } from "vitest";
import { collapseUsage } from "@/lib/ingest/model-usage";
import type { IngestError } from "@/lib/ingest/errors";
import type { ModelRef, ModelUsageRow } from "@/lib/ingest/types";

const DAYS = Array.from({ length: 40 }, (_, i) => new Date(Date.UTC(2026, 0, 1) + i * 864e5).toISOString().slice(0, 10));
const MODELS: ModelRef[] = Array.from({ length: 300 }, (_, i) => ({ kind: "lookup", ref: `acme/m-${i}` }));

/** Every (day, model) once, a day at a time, as parsers produce them (one reference object per name). */
function grid(): ModelUsageRow[] {
  return DAYS.flatMap((day, d) => MODELS.map((model, m) => ({ day, model, totalTokens: String(d * 1000 + m + 1), path: `row ${d * MODELS.length + m + 1}` })));
}

describe("collapseUsage", () => {
  it("keeps every row of distinct (day, model) keys, in order, across many days and models", async () => {
    const rows = grid();
    const usage = await collapseUsage(rows);
    expect(usage.rows).toEqual(rows);
    expect(usage.refs).toEqual(MODELS);
    expect(usage.stated).toEqual(["total_tokens"]);
  });

  it("collapses identical repeats to their first row, whichever object names the model", async () => {
    const rows = grid();
    const repeat = { ...rows[11_705], model: { kind: "lookup", ref: "acme/m-5" } as ModelRef, path: "row 99998" };
    const again = { ...rows[7], path: "row 99999" };
    const usage = await collapseUsage([...rows, repeat, again]);
    expect(usage.rows).toEqual(rows);
    expect(usage.refs).toHaveLength(MODELS.length);
  });

  it("refuses conflicting repeats naming both rows, each repeat at its own row", async () => {
    const rows = grid();
    const conflicting = [
      { ...rows[301], totalTokens: "1", path: "row 50000" },
      { ...rows[11_999], promptTokens: "3", path: "row 50001" },
    ];
    const err = (await collapseUsage([...rows, ...conflicting]).catch((e) => e)) as IngestError;
    expect(err.status).toBe(422);
    expect(err.details).toEqual([
      { path: "row 50000", message: "restates row 302 for the same key with different values (1002///// vs 1/////)" },
      { path: "row 50001", message: expect.stringContaining("restates row 12000 for the same key with different values") },
    ]);
  });

  it("names the optional value columns some row states", async () => {
    const rows = grid();
    rows[5_000] = { ...rows[5_000], requests: "4", cachedTokens: "0" };
    const usage = await collapseUsage(rows);
    expect(usage.stated).toEqual(["total_tokens", "cached_tokens", "requests"]);
  });

  it("keys sparse days and models apart (no slot table)", async () => {
    const rows: ModelUsageRow[] = Array.from({ length: 2_000 }, (_, i) => ({
      day: new Date(Date.UTC(2000, 0, 1) + i * 864e5).toISOString().slice(0, 10),
      model: { kind: "lookup", ref: `acme/sparse-${i}` },
      totalTokens: "1",
      path: `row ${i + 1}`,
    }));
    const usage = await collapseUsage([...rows, { ...rows[1_999], path: "row 2001" }, { ...rows[0], totalTokens: "2", path: "row 2002" }]).catch((e) => e);
    expect((usage as IngestError).details).toEqual([{ path: "row 2002", message: expect.stringContaining("restates row 1 ") }]);
  });
});
