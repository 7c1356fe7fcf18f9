/**
 * The subsidy answer's model rankings (lib/queries/model-ranking.ts), ranked from monthly figures kept in memory
 * with only the cut days summed: the same as summing model_usage_daily directly (an independent query, written
 * here) on the real rankings-daily fixture at whole-month, cut and one-month ranges and several limits, with
 * hand-made cases where the leader's tokens all sit on cut days, ties at the limit, a free-only model, and a
 * restatement after the figures were first kept. On every available driver.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/db";
import { ingestText } from "@/lib/ingest";
import { rankModels } from "@/lib/queries/model-ranking";
import type { ResolvedRange } from "@/lib/view/range";
import { readFixture } from "../fixtures";
import { DRIVERS, freshDb, type TestDb } from "../db";

const rangeOf = (from: string, to: string) => ({ from, to, newestDay: to, empty: false }) as ResolvedRange;

/** The top `limit` by all tokens and by paid tokens (paid > 0), summed from model_usage_daily itself. */
async function summedDirectly(db: Db, from: string, to: string, limit: number) {
  const rows = await rowsOf<{ permaslug: string; tokens: string; paid: string }>(
    db,
    sql`select m.permaslug, sum(u.total_tokens)::text as tokens, coalesce(sum(u.total_tokens) filter (where m.variant <> 'free'), 0)::text as paid
        from model_usage_daily u join models m on m.id = u.model_id
        where m.kind = 'model' and u.day between ${from}::date and ${to}::date
        group by m.permaslug`,
  );
  const desc = (f: (r: (typeof rows)[number]) => bigint) => (a: (typeof rows)[number], b: (typeof rows)[number]) =>
    f(b) > f(a) ? 1 : f(b) < f(a) ? -1 : a.permaslug < b.permaslug ? -1 : 1;
  const all = [...rows].sort(desc((r) => BigInt(r.tokens))).slice(0, limit);
  const paid = rows.filter((r) => BigInt(r.paid) > 0n).sort(desc((r) => BigInt(r.paid))).slice(0, limit);
  return [...new Set([...all, ...paid])].map((r) => `${r.permaslug} ${r.tokens} ${r.paid}`).sort();
}

async function ranked(db: Db, from: string, to: string, limit: number) {
  const rows = await rankModels(db, rangeOf(from, to), limit);
  for (const r of rows) expect(BigInt(r.freeTokens)).toBe(BigInt(r.tokens) - BigInt(r.paidTokens));
  return rows.map((r) => `${r.permaslug} ${r.tokens} ${r.paidTokens}`).sort();
}

describe.each(DRIVERS)("model rankings on %s", (driver) => {
  describe("on the real rankings-daily fixture (24 June – 21 September 2026)", () => {
    let h: TestDb;
    beforeAll(async () => {
      h = await freshDb(driver);
      await ingestText(h.db, readFixture("rankings-daily/rankings-daily-2026-09-22.json"));
    });
    afterAll(async () => {
      await h.close();
    });

    const RANGES: [string, string][] = [
      ["2026-07-01", "2026-08-31"], // whole months only: no usage row read
      ["2026-06-24", "2026-09-21"], // both ends cut
      ["2026-06-30", "2026-07-01"], // one cut day and one day of a month that is cut too
      ["2026-07-10", "2026-09-05"], // cut, whole, cut
      ["2026-08-15", "2026-08-20"], // inside one month: nothing known before summing
      ["2026-09-21", "2026-09-21"],
      ["2026-01-01", "2026-01-31"], // no data
    ];
    for (const [from, to] of RANGES) {
      it(`${from} – ${to}: as summing every model, at limits 1, 3, 10, 40 and 500`, async () => {
        for (const limit of [1, 3, 10, 40, 500]) expect(await ranked(h.db, from, to, limit), `limit ${limit}`).toEqual(await summedDirectly(h.db, from, to, limit));
      });
    }

    it("labels each permaslug with its paid variant, and counts its free variant's tokens as free", async () => {
      const rows = await rankModels(h.db, rangeOf("2026-06-24", "2026-09-21"), 200);
      const gptOss = rows.find((r) => r.permaslug === "openai/gpt-oss-120b")!;
      expect(gptOss.publicId).toBe("openai/gpt-oss-120b");
      expect(BigInt(gptOss.freeTokens)).toBeGreaterThan(0n);
      expect(BigInt(gptOss.paidTokens)).toBeGreaterThan(0n);
    });
  });

  describe("on hand-made figures", () => {
    let h: TestDb;
    const usage = (capturedAt: string, rows: [string, string, number][]) =>
      JSON.stringify({
        format: "modelshare.snapshot/v1",
        source: "test",
        capturedAt,
        models: [...new Set(rows.map(([, m]) => m))].map((id) => ({ id })),
        modelUsage: rows.map(([date, model, t]) => ({ date, model, totalTokens: String(t) })),
      });
    beforeAll(async () => {
      h = await freshDb(driver);
      await ingestText(
        h.db,
        usage("2026-04-01T00:00:00Z", [
          // February whole: steady leads it. March 1–3 (cut by the ranges below): burst has all its tokens there.
          ["2026-02-10", "acme/steady", 1000],
          ["2026-02-10", "acme/second", 600],
          ["2026-02-11", "acme/tie-b", 500],
          ["2026-02-12", "acme/tie-a", 500],
          ["2026-02-12", "acme/giveaway:free", 800],
          ["2026-03-02", "acme/burst", 5000],
          ["2026-03-20", "acme/late", 9000], // in March but after the cut: can total most, totals nothing
          // April whole, May cut: early's (free) tokens on a cut day equal steady-april's, and its name sorts first.
          ["2026-04-10", "acme/steady-april", 1000],
          ["2026-05-02", "acme/early:free", 1000],
          // June whole, July cut: apaid's paid tokens on a cut day tie zpaid's, and its name sorts first.
          ["2026-06-10", "acme/big:free", 9000],
          ["2026-06-11", "acme/zpaid", 1000],
          ["2026-07-02", "acme/apaid", 1000],
        ]),
      );
    });
    afterAll(async () => {
      await h.close();
    });

    it("finds a model whose tokens all sit on cut days, and leaves out one with none in the range", async () => {
      const rows = await rankModels(h.db, rangeOf("2026-02-01", "2026-03-03"), 2);
      const all = rows.sort((a, b) => Number(BigInt(b.tokens) - BigInt(a.tokens)));
      expect(all.map((r) => [r.permaslug, r.tokens, r.paidTokens])).toEqual([
        ["acme/burst", "5000", "5000"],
        ["acme/steady", "1000", "1000"],
      ]);
    });

    it("breaks a tie at the limit by permaslug (tie-a before tie-b in the paid ranking), and keeps a free-only model out of the paid ranking", async () => {
      const got = await ranked(h.db, "2026-02-01", "2026-02-28", 3);
      expect(got).toEqual(["acme/giveaway 800 0", "acme/second 600 600", "acme/steady 1000 1000", "acme/tie-a 500 500"]);
      expect(got).toEqual(await summedDirectly(h.db, "2026-02-01", "2026-02-28", 3));
    });

    it("sums a model that can only tie the limit-th, and ranks it first when its name sorts first", async () => {
      // By all tokens early leads on the tie; by paid tokens steady-april does.
      expect(await ranked(h.db, "2026-04-01", "2026-05-02", 1)).toEqual(["acme/early 1000 0", "acme/steady-april 1000 1000"]);
    });

    it("the same by paid tokens: a model that can only tie the paid ranking's limit-th is summed", async () => {
      expect(await ranked(h.db, "2026-06-01", "2026-07-02", 1)).toEqual(["acme/apaid 1000 1000", "acme/big 9000 0"]);
    });

    it("follows a restatement made after the monthly figures were first kept", async () => {
      expect(await ranked(h.db, "2026-02-01", "2026-03-03", 1)).toEqual(["acme/burst 5000 5000"]);
      await ingestText(h.db, usage("2026-04-02T00:00:00Z", [["2026-02-10", "acme/steady", 7000]]));
      expect(await ranked(h.db, "2026-02-01", "2026-03-03", 1)).toEqual(["acme/steady 7000 7000"]);
      expect(await ranked(h.db, "2026-02-01", "2026-03-03", 3)).toEqual(await summedDirectly(h.db, "2026-02-01", "2026-03-03", 3));
    });
  });
});
