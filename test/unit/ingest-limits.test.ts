/** The limits of lib/ingest/limits.ts at their edges, the JSON second look, UTF-8 refusal and price reading. */
import { describe, expect, it } from "vitest";
import { IngestError, IssueList } from "@/lib/ingest/errors";
import { scanJson } from "@/lib/ingest/json-scan";
import { LIMITS, textProblem } from "@/lib/ingest/limits";
import { readPrice } from "@/lib/ingest/prices";
import { decodeUtf8OrThrow, firstInvalidByte } from "@/lib/ingest/utf8";
import { isDay, isMonth } from "@/lib/ingest/values";

describe("text limits", () => {
  it("count code points, not UTF-16 units: 200 emoji are a valid name, 201 are not", () => {
    expect(textProblem("😀".repeat(200), "name")).toBeNull();
    expect(textProblem("😀".repeat(201), "name")).toMatch(/at most 200/);
    expect(textProblem("a".repeat(200), "id")).toBeNull();
    expect(textProblem("a".repeat(201), "id")).toMatch(/at most 200/);
    expect(textProblem(`https://x.example/${"a".repeat(2048 - 18)}`, "url")).toBeNull();
    expect(textProblem(`https://x.example/${"a".repeat(2048 - 17)}`, "url")).toMatch(/at most 2048/);
  });

  it("refuse control characters, lone surrogates, spaces in ids and non-http URLs", () => {
    expect(textProblem("a\u0000b", "name")).toMatch(/control/);
    expect(textProblem("a\u0085b", "name")).toMatch(/control/); // C1 NEL
    expect(textProblem("a\ud800", "name")).toMatch(/surrogate/);
    expect(textProblem("\udc00a", "id")).toMatch(/surrogate/);
    expect(textProblem("acme/a b", "id")).toMatch(/spaces/);
    expect(textProblem("Acme: A b (free)", "name")).toBeNull();
    expect(textProblem("javascript:alert(1)", "url")).toMatch(/http/);
    expect(textProblem("http://localhost:3000/x?y=1#z", "url")).toBeNull();
    expect(textProblem("Kilo \ufffd Code", "name")).toBeNull(); // U+FFFD is a character (the tracker has one)
  });

  it("bound days to 1970-01-01..9999-12-31 (Postgres has no year 0000)", () => {
    expect(isDay("0000-01-01")).toBe(false);
    expect(isDay("1969-12-31")).toBe(false);
    expect(isDay("1970-01-01")).toBe(true);
    expect(isDay("9999-12-31")).toBe(true);
    expect(isMonth("0000-01")).toBe(false);
    expect(isMonth("1970-01")).toBe(true);
  });
});

describe("scanJson", () => {
  const problem = (t: string) => scanJson(t);
  it("finds duplicate keys, also when one is escaped, in any object", () => {
    expect(problem('{"a":1,"b":{"x":1,"x":2}}')).toMatchObject({ pos: 18, syntax: false });
    expect(problem('{"name":1,"n\\u0061me":2}')?.message).toMatch(/duplicate key "name"/);
    expect(problem('[{"a":1},{"a":1}]')).toBeNull(); // the same key in two objects is fine
    const many = `{${Array.from({ length: 40 }, (_, i) => `"k${i}":1`).join(",")},"k39":2}`;
    expect(problem(many)?.message).toMatch(/duplicate key "k39"/);
  });

  it("finds NUL and lone surrogate escapes but not escaped backslashes or pairs", () => {
    expect(problem('["\\u0000"]')?.message).toMatch(/NUL/);
    expect(problem('["\\uD800x"]')?.message).toMatch(/lone surrogate/);
    expect(problem('["\\uDFFF"]')?.message).toMatch(/lone surrogate/);
    expect(problem('["\\\\u0000", "\\ud83d\\ude00"]')).toBeNull();
  });

  it("locates syntax errors JSON.parse reports without a position, and bounds nesting", () => {
    expect(problem("[1,]")).toMatchObject({ pos: 3, syntax: true });
    expect(problem('{"a":1,}')).toMatchObject({ pos: 7, syntax: true });
    expect(problem(`${"[".repeat(LIMITS.jsonDepth)}${"]".repeat(LIMITS.jsonDepth)}`)).toBeNull();
    expect(problem(`${"[".repeat(LIMITS.jsonDepth + 1)}${"]".repeat(LIMITS.jsonDepth + 1)}`)).toMatchObject({ syntax: false });
  });
});

describe("UTF-8", () => {
  const bytes = (...b: number[]) => new Uint8Array(b);
  it("decodes valid UTF-8 and refuses invalid bytes with their offset and line", () => {
    expect(decodeUtf8OrThrow(new TextEncoder().encode("é😀\n"))).toBe("é😀\n");
    try {
      decodeUtf8OrThrow(bytes(0x61, 0x0a, 0x62, 0xff));
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(IngestError);
      expect((e as IngestError).status).toBe(415);
      expect((e as IngestError).details[0].path).toBe("line 2 byte 3");
    }
  });
  it("refuses overlong forms, CESU-8 surrogates, code points past U+10FFFF and truncated sequences", () => {
    expect(firstInvalidByte(bytes(0x41, 0xc0, 0xaf))).toBe(1);
    expect(firstInvalidByte(bytes(0xe0, 0x80, 0xaf))).toBe(0);
    expect(firstInvalidByte(bytes(0xed, 0xa0, 0x80))).toBe(0);
    expect(firstInvalidByte(bytes(0xf4, 0x90, 0x80, 0x80))).toBe(0);
    expect(firstInvalidByte(bytes(0x41, 0xe2, 0x82))).toBe(1);
    expect(firstInvalidByte(bytes(0xf0, 0x9f, 0x98, 0x80))).toBe(4); // 😀 is valid
  });
});

describe("readPrice", () => {
  const read = (v: unknown, unit: Parameters<typeof readPrice>[1]) => {
    const issues = new IssueList();
    const price = readPrice(v, unit, "p", issues);
    return { price, problem: issues.items[0]?.message };
  };
  it("reports absurd prices in every unit instead of throwing", () => {
    for (const unit of ["per-token", "per-million-float", "per-million"] as const) {
      for (const v of ["1e2000", "1e-2000", "1e25", 1e25, "1e400", Infinity, "abc"]) {
        const r = read(v, unit);
        expect(r.price, `${unit} ${String(v)}`).toBeUndefined();
        expect(r.problem, `${unit} ${String(v)}`).toBeTruthy();
      }
    }
  });
  it("still converts real prices exactly", () => {
    expect(read("0.0000005", "per-token").price).toBe("0.5");
    expect(read("-1", "per-token").price).toBeNull();
    expect(read("0.09999999999999999", "per-million-float").price).toBe("0.1");
    expect(read("-1000000.0", "per-million-float").price).toBeNull();
    expect(read("", "per-million-float").price).toBe("0");
    expect(read("2.50", "per-million").price).toBe("2.5");
    expect(read(null, "per-million").price).toBeNull();
  });
});
