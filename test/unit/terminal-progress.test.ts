/** Progress lines appear on a terminal only, are rewritten in place, and never mix with ordinary output. */
import { describe, expect, it } from "vitest";
import { describeIngestProgress, terminalProgress } from "@/lib/cli/progress";

function stream(isTTY: boolean) {
  const written: string[] = [];
  return { isTTY, columns: 60, written, write: (t: string) => written.push(t) };
}

describe("terminal progress", () => {
  it("writes nothing when the output is not a terminal (cron, pipes)", () => {
    const s = stream(false);
    const p = terminalProgress(s);
    const printed: string[] = [];
    p.update("model-days written 1 of 2");
    p.print(() => printed.push("summary"));
    expect(s.written).toEqual([]);
    expect(printed).toEqual(["summary"]);
  });

  it("on a terminal rewrites one line, erases it before ordinary output, and repaints at most every 100 ms", () => {
    const s = stream(true);
    let t = 0;
    const p = terminalProgress(s, () => t);
    p.update("first");
    t = 50;
    p.update("too soon");
    t = 200;
    p.update("x".repeat(200));
    p.print(() => s.written.push("summary\n"));
    expect(s.written).toEqual(["\r\x1b[Kfirst", `\r\x1b[K${"x".repeat(58)}…`, "\r\x1b[K", "summary\n"]);
  });

  it("says rows parsed, then rows written of the total", () => {
    expect(describeIngestProgress({ stage: "parsed", rows: 1234567 }, "big.csv")).toBe("big.csv: parsed 1,234,567 rows; writing…");
    expect(describeIngestProgress({ stage: "written", rows: 400000, of: 1000000 }, "big.csv")).toBe("big.csv: model-days written 400,000 of 1,000,000 (40%)");
  });
});
