/** lib/ingest/formats/csv.ts: reading a large body in slices gives the same records as reading it whole. */
import { describe, expect, it } from "vitest";

describe("readCsvRecordsInSlices", () => {
  it("reads the same records as readCsvRecords, never cutting a quoted cell, with turns in between", async () => {
    const { readCsvRecords, readCsvRecordsInSlices, CSV_SLICE_CHARS } = await import("@/lib/ingest/formats/csv");
    const rows: string[] = [];
    for (let i = 0; i < 40_000; i++) rows.push(i % 997 === 0 ? `${i},"multi\nline ""quoted"", cell",x` : `${i},plain,${"y".repeat(i % 13)}`);
    const text = `a,b,c\r\n${rows.join("\n")}\n`;
    expect(text.length).toBeGreaterThan(CSV_SLICE_CHARS * 2);
    const whole: [string[], number][] = [];
    const lastLine = readCsvRecords(text, (cells, line) => void whole.push([cells, line]));
    const sliced: [string[], number][] = [];
    let turns = 0;
    const end = await readCsvRecordsInSlices(text, (cells, line) => void sliced.push([cells, line]), 0, 1, async () => void turns++);
    expect(sliced).toEqual(whole);
    expect(end).toBe(lastLine);
    expect(turns).toBeGreaterThan(1);
  });
});
