import { parse as csvParse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { parse as parseCatalogue } from "@/lib/ingest/formats/tracker-catalogue";
import { parse as parseTopApps } from "@/lib/ingest/formats/tracker-top-apps";
import { OPENROUTER_CITATION } from "@/lib/ingest/types";
import { readFixture } from "../../fixtures";
import { rejects } from "../../rejects";

/** An independent reading of the fixture (csv-parse), to compute expectations from the raw file. */
function rawRows(rel: string): Record<string, string>[] {
  return csvParse(readFixture(rel), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
}


describe("tracker model_catalogue.csv", () => {
  const text = readFixture("trackers/model_catalogue.csv");
  const raw = rawRows("trackers/model_catalogue.csv");
  const snap = parseCatalogue(text, { asOf: null });
  const byId = new Map(snap.models.map((m) => [m.publicId, m]));

  it("is CRLF and parses one model per row", () => {
    expect(text).toContain("\r\n");
    expect(snap.format).toBe("tracker-model-catalogue");
    expect(snap.asOf).toBeNull();
    expect(snap.citation).toBe(OPENROUTER_CITATION);
    expect(snap.models).toHaveLength(raw.length);
    for (const m of snap.models) {
      expect(m.name).not.toMatch(/\r/);
      expect(m.price?.cacheReadPerM ?? "").not.toMatch(/\r/);
    }
  });

  it("keeps permaslug and variant columns as the identity", () => {
    for (const r of raw) {
      const m = byId.get(r.model_id)!;
      expect(m.permaslug).toBe(r.permaslug);
      expect(m.variant).toBe(r.variant);
      expect(m.launchDate).toBe(new Date(Number(r.created) * 1000).toISOString().slice(0, 10));
      expect(m.contextLength).toBe(Number(r.context_length));
    }
    expect(snap.models.filter((m) => m.variant === "free").length).toBe(raw.filter((r) => r.variant === "free").length);
  });

  it("router rows at −1,000,000 $/M are dynamic (null)", () => {
    const routers = raw.filter((r) => Number(r.listed_input_usd_per_mtok) < 0);
    expect(routers.length).toBeGreaterThan(0);
    for (const r of routers) {
      expect(r.listed_input_usd_per_mtok).toBe("-1000000.0");
      expect(byId.get(r.model_id)!.price).toMatchObject({ inputPerM: null, outputPerM: null });
    }
    expect(byId.get("openrouter/auto")!.price).toEqual({ inputPerM: null, outputPerM: null, cacheReadPerM: "0" });
  });

  it("float noise is rounded away; empty cache price means not listed (0)", () => {
    const granite = byId.get("ibm-granite/granite-4.2-8b")!;
    expect(raw.find((r) => r.model_id === "ibm-granite/granite-4.2-8b")!.listed_input_usd_per_mtok).toBe("0.09999999999999999");
    expect(granite.price).toEqual({ inputPerM: "0.1", outputPerM: "0.15", cacheReadPerM: "0.05" });
    expect(byId.get("openai/gpt-4")!.price).toEqual({ inputPerM: "30", outputPerM: "60", cacheReadPerM: "0" });
    // No price keeps more than 10 decimals, and none looks like float noise (a run of 9s or 0s).
    for (const m of snap.models) {
      for (const p of [m.price!.inputPerM, m.price!.outputPerM, m.price!.cacheReadPerM]) {
        if (p === null) continue;
        expect(p).toMatch(/^\d+(\.\d{1,10})?$/);
        expect(p).not.toMatch(/(9{6}|0{6}1)/);
      }
    }
  });

  it("locates bad cells as row N.column (N = line in the file)", () => {
    const lines = text.split("\r\n");
    lines[3] = lines[3].replace(/,[^,]*,[^,]*,[^,]*$/, ",abc,0.15,");
    lines[5] = lines[5].replace(/^([^,]*),([^,]*),standard,/, "$1,$2,free,");
    const e = rejects(() => parseCatalogue(lines.join("\r\n"), { asOf: null }));
    expect(e.status).toBe(422);
    expect(e.details.map((d) => d.path)).toEqual(["row 4.listed_input_usd_per_mtok", "row 6.variant"]);
  });

  it("rejects a header missing required columns, naming them", () => {
    const e = rejects(() => parseCatalogue("model_id,permaslug,variant,name,created\r\na/b,a/b,standard,B,1\r\n", { asOf: null }));
    expect(e.message).toContain("missing column(s): context_length");
  });
});

describe("tracker top_apps_by_model.csv", () => {
  const text = readFixture("trackers/top_apps_by_model.csv");
  const raw = rawRows("trackers/top_apps_by_model.csv");
  const asOf = new Date("2026-08-28T12:00:00Z");
  const snap = parseTopApps(text, { asOf });

  it("counts: rows, model ids, apps", () => {
    expect(snap.format).toBe("tracker-top-apps");
    expect(snap.asOf).toBeNull(); // the file has no date; the caller's as_of is used for the window
    expect(snap.models).toEqual([]); // usage rows reference models by permaslug
    expect(snap.appUsage).toHaveLength(raw.length);
    expect(snap.appUsage).toHaveLength(1660);
    expect(new Set(raw.map((r) => r.model_id)).size).toBe(332);
    expect(new Set(snap.appUsage.map((u) => u.model && u.model.kind === "permaslug" && `${u.model.permaslug}:${u.model.variant}`)).size).toBe(332);
    expect(snap.apps).toHaveLength(new Set(raw.map((r) => r.app_id)).size);
    expect(snap.apps).toHaveLength(623);
  });

  it("rows are windows ending on the caller's as_of day, with unknown start", () => {
    raw.forEach((r, i) => {
      expect(snap.appUsage[i]).toEqual({
        appId: r.app_id,
        model: { kind: "permaslug", permaslug: r.permaslug, variant: r.variant, publicId: r.model_id },
        periodKind: "window",
        periodStart: null,
        periodEnd: "2026-08-28",
        totalTokens: r.total_tokens,
        requests: r.total_requests,
        rank: Number(r.rank),
        path: `row ${i + 2}`,
      });
    });
  });

  it("without an as_of the window ends today (UTC)", () => {
    const s = parseTopApps(text, { asOf: null });
    expect(s.appUsage[0].periodEnd).toBe(new Date().toISOString().slice(0, 10));
  });

  it("keeps the U+FFFD title verbatim and the quoted title with a comma", () => {
    const withFffd = snap.apps.filter((a) => a.name.includes("\uFFFD"));
    expect(withFffd).toHaveLength(1);
    expect(withFffd[0]).toMatchObject({ appId: "3977529", name: "Canci\uFFFDn de tu Historia", url: "https://canciondetuhistoria.online/" });
    expect(withFffd[0].name).toBe(raw.find((r) => r.app_id === "3977529")!.app_title);
    expect(snap.apps.find((a) => a.appId === "4132065")!.name).toBe("Hello Minds, powered by Ethoswarm");
  });

  it("app names repeat across different app ids; id is the identity", () => {
    const idsByName = new Map<string, Set<string>>();
    for (const a of snap.apps) idsByName.set(a.name, (idsByName.get(a.name) ?? new Set()).add(a.appId));
    const repeated = [...idsByName].filter(([, ids]) => ids.size > 1).map(([n]) => n);
    expect(repeated).toContain("Claude Code");
    expect(repeated.length).toBeGreaterThanOrEqual(4);
  });

  it("categories split on '|', blanks are null; the first row describes an app", () => {
    const hello = snap.apps.find((a) => a.appId === "4132065")!;
    expect(hello.categories).toEqual(["roleplay", "personal-agent", "creative-writing"]);
    expect(hello.slug).toBeNull();
    const first = raw.find((r) => r.app_id === "3296290")!; // Mira: two different titles in the file
    expect(snap.apps.find((a) => a.appId === "3296290")!.name).toBe(first.app_title);
  });

  it("rank gaps are kept (private apps are left out by the source)", () => {
    const ranks = new Map<string, number[]>();
    for (const r of raw) ranks.set(r.model_id, [...(ranks.get(r.model_id) ?? []), Number(r.rank)]);
    const gappy = [...ranks.values()].filter((rs) => rs.some((r, i) => r !== i + 1));
    expect(gappy.length).toBeGreaterThan(0);
    expect(snap.appUsage.map((u) => u.rank)).toEqual(raw.map((r) => Number(r.rank)));
  });

  it("locates a bad token count", () => {
    const lines = text.split("\r\n");
    lines[10] = lines[10].replace(/,(\d+),(\d+)$/, ",12.5,$2");
    const e = rejects(() => parseTopApps(lines.join("\r\n"), { asOf }));
    expect(e.details).toEqual([{ path: "row 11.total_tokens", message: expect.stringContaining("digits only") }]);
  });
});
