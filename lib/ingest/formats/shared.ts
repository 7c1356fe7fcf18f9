/**
 * Plumbing shared by the format parsers: located paths, zod issue mapping, field readers for the
 * hand-written hot loops, and duplicate-key detection. No format knowledge lives here.
 */
import type { z } from "zod";
import { IngestError, IssueList } from "../errors";
import { scanJson } from "../json-scan";
import { LIMITS, makeTextChecker, type TextKind } from "../limits";
import { describe, parseTokenString, quote } from "../values";
import type { BigIntString } from "../types";

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** A UTF-8 BOM survives `readFile(..., "utf8")` and many HTTP clients; it is never part of the data. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** ["data", 3, "context_length"] → "data[3].context_length" (the form every located error uses). */
function formatPath(path: readonly PropertyKey[], prefix = ""): string {
  let out = prefix;
  for (const p of path) {
    if (typeof p === "number") out += `[${p}]`;
    else out += out === "" ? String(p) : `.${String(p)}`;
  }
  return out || "(root)";
}

/** Copies zod's issues into located, plain-English details (unknown keys are named one by one). */
function addZodIssues(issues: IssueList, error: z.ZodError, prefix = ""): void {
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) issues.add(formatPath([...issue.path, key], prefix), "unknown field");
      continue;
    }
    // zod 4 says "expected string, received undefined" for a missing key; say what it means.
    const missing = issue.code === "invalid_type" && /received undefined$/.test(issue.message);
    issues.add(formatPath(issue.path, prefix), missing ? "is required" : issue.message);
  }
}

/** Runs a zod schema; on failure records the located issues and returns undefined. */
export function zodCheck<T extends z.ZodType>(
  schema: T,
  value: unknown,
  issues: IssueList,
  prefix = "",
): z.output<T> | undefined {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  addZodIssues(issues, r.error, prefix);
  return undefined;
}

/** Throws the 422 for a body that is not the expected shape at all (no point looking at rows). */
export function notShape(what: string, path: string, message: string): never {
  throw new IngestError(422, `${what}: ${path}: ${message}`, [{ path, message }]);
}

// ---- field readers for hand-written row loops (big arrays, where per-row zod is too slow) ----
// Each takes the row's path and the field name separately and joins them only when reporting a problem:
// building "row 7.total_tokens" eagerly for every field of a million rows is pure garbage-collector work.

/** "data[3]" + "total_tokens" → "data[3].total_tokens". */
export function at(path: string, field: string): string {
  return field === "" ? path : `${path}.${field}`;
}

/**
 * A text field of a given kind (limits.ts): the string, or undefined after reporting why not. Memoized per
 * kind, so hot loops over a million rows naming a few hundred models stay cheap.
 */
export function readText(v: unknown, kind: TextKind, path: string, field: string, issues: IssueList): string | undefined {
  if (typeof v !== "string") {
    issues.add(at(path, field), `must be a string, got ${describe(v)}`);
    return undefined;
  }
  const problem = checkers[kind](v);
  if (problem === null) return v;
  issues.add(at(path, field), `${problem}, got ${quote(v)}`);
  return undefined;
}

const checkers: Record<TextKind, (s: string) => string | null> = {
  id: makeTextChecker("id"),
  name: makeTextChecker("name"),
  source: makeTextChecker("source"),
  citation: makeTextChecker("citation"),
  url: makeTextChecker("url"),
  category: makeTextChecker("category"),
};

/**
 * An app's categories: at most LIMITS.categories, each a category-kind text. An empty list states nothing,
 * so it is null (it must not erase categories another snapshot stated).
 */
export function readCategories(v: unknown, path: string, field: string, issues: IssueList): string[] | null | undefined {
  if (!Array.isArray(v)) {
    issues.add(at(path, field), `must be a list of categories, got ${describe(v)}`);
    return undefined;
  }
  if (v.length > LIMITS.categories) {
    issues.add(at(path, field), `must list at most ${LIMITS.categories} categories, got ${v.length}`);
    return undefined;
  }
  const out: string[] = [];
  let bad = false;
  v.forEach((c, i) => {
    const t = readText(c, "category", path, `${field}[${i}]`, issues);
    if (t === undefined) bad = true;
    else if (t.trim() !== "") out.push(t.trim());
  });
  if (bad) return undefined;
  return out.length ? out : null;
}

/** A model id or permaslug (`author/name[:variant]`): within the id limits, with no empty id or variant. */
export function checkModelId(v: string, path: string, field: string, issues: IssueList): boolean {
  if (readText(v, "id", path, field, issues) === undefined) return false;
  if (v.startsWith(":") || v.endsWith(":")) {
    issues.add(at(path, field), `has an empty id or variant, got ${quote(v)}`);
    return false;
  }
  return true;
}

/** A required non-empty string field. */
export function readString(v: unknown, path: string, field: string, issues: IssueList): string | null {
  if (typeof v === "string" && v.length > 0) return v;
  issues.add(at(path, field), v === undefined || v === null || v === "" ? "is required" : `must be a string, got ${describe(v)}`);
  return null;
}

/**
 * Fast path for the common, valid count: up to 18 digits, no leading zero (18 digits are always below
 * 2^63−1), or a safe non-negative integer. Everything else goes through parseTokenString for its verdict.
 */
function fastCount(v: unknown): BigIntString | null {
  if (typeof v === "string") {
    const n = v.length;
    if (n === 0 || n > 18 || (v.charCodeAt(0) === 48 && n > 1)) return null;
    for (let i = 0; i < n; i++) {
      const c = v.charCodeAt(i);
      if (c < 48 || c > 57) return null;
    }
    return v;
  }
  if (typeof v === "number" && Number.isSafeInteger(v) && v > 0) return String(v);
  return null;
}

/** An optional count: absent/null/"" → null, otherwise a valid token string (see parseTokenString). */
export function readOptionalCount(v: unknown, path: string, field: string, issues: IssueList): BigIntString | null {
  if (v === undefined || v === null || v === "") return null;
  return fastCount(v) ?? parseTokenString(v, at(path, field), issues);
}

/** A required count. */
export function readCount(v: unknown, path: string, field: string, issues: IssueList): BigIntString | null {
  if (v === undefined || v === null || v === "") {
    issues.add(at(path, field), "is required");
    return null;
  }
  return fastCount(v) ?? parseTokenString(v, at(path, field), issues);
}

/** A positive integer small enough for an `integer` column (ranks, context lengths). */
export function readPositiveInt(v: unknown, path: string, field: string, issues: IssueList): number | null {
  const n = typeof v === "string" && /^[0-9]+$/.test(v) ? Number(v) : v;
  if (typeof n === "number" && Number.isInteger(n) && n >= 1 && n <= 2147483647) return n;
  issues.add(at(path, field), v === undefined || v === null || v === "" ? "is required" : `must be a positive integer, got ${describe(v)}`);
  return null;
}

/**
 * Declaring the same thing twice (a model id, an app id in a canonical snapshot) is a mistake worth naming.
 * Remembers the first index per key; reports the second at its own path, naming the first. Keys are
 * two-level (e.g. permaslug, then variant) so callers never build a concatenated key string.
 * (Repeated usage rows are the writer's business: it compares them after resolving models.)
 */
export class DuplicateChecker {
  private readonly first = new Map<string, Map<string, number>>();
  constructor(
    private readonly what: string,
    private readonly pathOf: (index: number) => string,
  ) {}
  check(a: string, b: string, index: number, path: string, issues: IssueList): void {
    let inner = this.first.get(a);
    if (inner === undefined) {
      inner = new Map();
      this.first.set(a, inner);
    }
    const prev = inner.get(b);
    if (prev === undefined) inner.set(b, index);
    else issues.add(path, `duplicate ${this.what}: same as ${this.pathOf(prev)}`);
  }
}

/**
 * JSON.parse with a useful 400: V8 (Node 20) says "… in JSON at position N" (or gives no position at all:
 * "Unexpected token ']', … is not valid JSON"); the answer always names a line and column so a hand-edited
 * snapshot's author can find the mistake. A body JSON.parse accepts is scanned once more (json-scan.ts) for
 * what it accepts silently: duplicate keys, NUL and lone-surrogate escapes, absurd nesting (422).
 */
export function parseJsonText(text: string): unknown {
  const body = stripBom(text);
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (e) {
    const raw = e instanceof Error ? e.message : String(e);
    const m = /at position (\d+)/.exec(raw);
    const pos = m ? Number(m[1]) : /Unexpected end of JSON input/.test(raw) ? body.length : (scanJson(body)?.pos ?? null);
    // Newer V8 appends its own "(line L column C)"; drop it and ours is the only one. The text V8 quotes
    // ("…" is not valid JSON) may be the whole body: never echo it.
    let message = raw
      .replace(/\s*\(line \d+ column \d+\)/, "")
      .replace(/\s*in JSON at position \d+/, "")
      .replace(/, ".*" is not valid JSON$/s, "");
    let path = "(body)";
    if (pos !== null) {
      const { line, column } = lineColumn(body, pos);
      path = `line ${line} column ${column}`;
      message = `${message} at ${path}`;
    }
    throw new IngestError(400, `malformed JSON: ${message}`, [{ path, message }]);
  }
  const problem = scanJson(body);
  if (problem) {
    const { line, column } = lineColumn(body, problem.pos);
    const path = `line ${line} column ${column}`;
    throw new IngestError(problem.syntax ? 400 : 422, `${problem.syntax ? "malformed" : "refused"} JSON: ${problem.message} at ${path}`, [
      { path, message: problem.message },
    ]);
  }
  return value;
}

/** 1-based line and column of a character offset. */
export function lineColumn(text: string, pos: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i >= 0 && i < pos; i = text.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: pos - lineStart + 1 };
}

export { quote };
