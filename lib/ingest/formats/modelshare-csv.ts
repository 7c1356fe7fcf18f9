/**
 * Modelshare canonical snapshot, CSV form, for hand-made data:
 *
 *   # source: acme-gateway
 *   # capturedAt: 2026-01-06T00:00:00Z
 *   # citation: Source: Acme gateway logs, as of {as_of}.
 *   date,model,total_tokens,prompt_tokens,completion_tokens,reasoning_tokens,cached_tokens,requests
 *   2026-01-05,google/gemini-3-flash-preview,123456789,,,,,
 *
 * or, for app usage,
 *
 *   period,app_id,app_name,model,total_tokens,requests
 *   2026-01,lemonade,Lemonade,,5000000,1200          (month; empty model = all models)
 *   2026-01-05,lemonade,Lemonade,google/gemini-3-flash-preview,42000,
 *
 * Leading `# key: value` lines (optional) set source (default "manual"), capturedAt (else the caller's
 * as_of; one of them is required) and citation; other `#` lines before the header are comments. Header
 * names are matched case-insensitively in any order; unknown columns are rejected by name. Errors are
 * located as `row N.column`, N being the 1-based line in the file. Names are kept verbatim; other cells
 * are trimmed.
 */
import { IngestError, IssueList } from "../errors";
import type { AppRecord, AppUsageRow, BigIntString, Day, ModelRef, ModelUsageRow, ParseContext, ParsedSnapshot, UsageFeed } from "../types";
import { makeDayInterner, parseIsoInstant, quote } from "../values";
import { type CsvRecordHandler, mapColumns, normalizeHeader, readCsvRecords, readCsvRecordsInSlices } from "./csv";
import { citationSchema, defaultCitation, makeModelRefReader, periodFromString, sourceSchema } from "./modelshare";
import { readCount, readOptionalCount, readText, stripBom } from "./shared";

const WHAT = "invalid modelshare CSV snapshot";
const DEFAULT_CSV_SOURCE = "manual";

const MODEL_USAGE_COLUMNS = {
  required: ["date", "model", "total_tokens"],
  optional: ["prompt_tokens", "completion_tokens", "reasoning_tokens", "cached_tokens", "requests"],
} as const;
const APP_USAGE_COLUMNS = {
  required: ["period", "app_id", "app_name", "total_tokens"],
  optional: ["model", "requests"],
} as const;

/** Which row shape a header announces: `date` → model usage, `period` → app usage. */
export function modelshareCsvKind(header: string[]): "model-usage" | "app-usage" | null {
  const names = normalizeHeader(header);
  if (names.includes("date") && names.includes("model")) return "model-usage";
  if (names.includes("period") && names.includes("app_id")) return "app-usage";
  return null;
}

/** Human list of accepted headers, for 422s. */
export const MODELSHARE_CSV_HEADERS = [
  `${MODEL_USAGE_COLUMNS.required.join(",")}[,${MODEL_USAGE_COLUMNS.optional.join(",")}]`,
  `${APP_USAGE_COLUMNS.required.join(",")}[,${APP_USAGE_COLUMNS.optional.join(",")}]`,
];

interface Meta {
  source?: { value: string; line: number };
  capturedat?: { value: string; line: number };
  citation?: { value: string; line: number };
}

/**
 * Reads the leading comment block; returns where the header starts (offset and line). Blank lines are
 * skipped. `# key: value` with a known key sets metadata; any other `#` line is a comment.
 */
export function readLeadingComments(text: string): { meta: Meta; pos: number; line: number; issues: IssueList } {
  const issues = new IssueList();
  const meta: Meta = {};
  let pos = 0;
  let line = 1;
  while (pos < text.length) {
    let nl = text.indexOf("\n", pos);
    if (nl < 0) nl = text.length;
    const content = text.slice(pos, nl).replace(/\r$/, "");
    const trimmed = content.trim();
    if (trimmed !== "" && !trimmed.startsWith("#")) break;
    const m = /^#\s*([A-Za-z_]+)\s*:(.*)$/.exec(trimmed);
    if (m) {
      const key = m[1].toLowerCase().replace(/_/g, "") as keyof Meta;
      if (key === "source" || key === "capturedat" || key === "citation") {
        if (meta[key]) issues.add(`row ${line}`, `# ${m[1]} is set twice (first on row ${meta[key]!.line})`);
        else meta[key] = { value: m[2].trim(), line };
      }
    }
    pos = nl + 1;
    line++;
  }
  return { meta, pos, line, issues };
}

type RecordReader = (text: string, onRecord: CsvRecordHandler, pos: number, line: number, between?: () => Promise<void>) => number | Promise<number>;

export function parse(text: string, ctx: ParseContext): ParsedSnapshot {
  return parseWith(text, ctx, (t, onRecord, pos, line) => readCsvRecords(t, onRecord, pos, line)) as ParsedSnapshot;
}

/** The same parse, reading the rows in slices with turns of the event loop between them (large bodies). */
export async function parseInSlices(text: string, ctx: ParseContext): Promise<ParsedSnapshot> {
  return parseWith(text, ctx, readCsvRecordsInSlices);
}

function parseWith(text: string, ctx: ParseContext, read: RecordReader): ParsedSnapshot | Promise<ParsedSnapshot> {
  const body = stripBom(text);
  const { meta, pos, line: headerLine, issues } = readLeadingComments(body);

  // Provenance first: without a capturedAt the rows cannot be ordered against restatements.
  let source = DEFAULT_CSV_SOURCE;
  if (meta.source) {
    const r = sourceSchema.safeParse(meta.source.value);
    if (r.success) source = r.data;
    else issues.add(`row ${meta.source.line}.source`, r.error.issues[0].message);
  }
  let asOf: Date | null = ctx.asOf;
  if (meta.capturedat) {
    asOf = parseIsoInstant(meta.capturedat.value);
    if (!asOf) {
      issues.add(
        `row ${meta.capturedat.line}.capturedAt`,
        `must be an ISO-8601 instant with a zone (e.g. 2026-01-06T00:00:00Z) or a day, got ${quote(meta.capturedat.value)}`,
      );
    }
  } else if (!asOf) {
    throw new IngestError(422, "capturedAt is required: add a `# capturedAt: 2026-01-06T00:00:00Z` line or pass asOf", [
      { path: "capturedAt", message: "is required" },
    ]);
  }
  let citation = defaultCitation(source);
  if (meta.citation && meta.citation.value !== "") {
    const r = citationSchema.safeParse(meta.citation.value);
    if (r.success) citation = r.data;
    else issues.add(`row ${meta.citation.line}.citation`, r.error.issues[0].message);
  }

  const modelUsage: ModelUsageRow[] = [];
  const apps = new Map<string, { app: AppRecord; line: number }>();
  const appUsage: AppUsageRow[] = [];
  let kind: "model-usage" | "app-usage" | null = null;
  let onRow: CsvRecordHandler = () => {};

  const reading = read(
    body,
    (cells, line) => {
      if (kind !== null) return onRow(cells, line);
      kind = modelshareCsvKind(cells);
      if (!kind) {
        throw new IngestError(
          422,
          `${WHAT}: unrecognised header on row ${line}: expected one of: ${MODELSHARE_CSV_HEADERS.join(" | ")}`,
          [{ path: `row ${line}`, message: `unrecognised header ${quote(cells.join(","))}` }],
        );
      }
      const spec = kind === "model-usage" ? MODEL_USAGE_COLUMNS : APP_USAGE_COLUMNS;
      const col = mapColumns<string>(cells, { ...spec, rejectUnknown: true, what: WHAT, line });
      if (kind === "model-usage" && asOf && issues.empty) {
        const values = [...MODEL_USAGE_COLUMNS.required.slice(2), ...MODEL_USAGE_COLUMNS.optional].filter((c) => col[c] >= 0);
        ctx.usageFeed?.head({ format: "modelshare-csv", source, asOf, citation }, values);
      }
      onRow =
        kind === "model-usage"
          ? modelUsageRows(col, cells.length, issues, modelUsage)
          : appUsageRows(col, cells.length, issues, apps, appUsage);
    },
    pos,
    headerLine,
    ctx.usageFeed && followedBy(ctx.usageFeed, modelUsage),
  );
  const finish = () => finishParse({ kind, headerLine, issues, source, asOf, meta, citation, modelUsage, apps, appUsage });
  return reading instanceof Promise ? reading.then(finish) : finish();
}

/** Between slices: the writer following the parse learns the rows read so far (and may hold the parse
 * back until it is ready for them), then the event loop turns. */
function followedBy(feed: UsageFeed, rows: readonly ModelUsageRow[]): () => Promise<void> {
  const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
  return () => feed.slice(rows)?.then(turn) ?? turn();
}

function finishParse(p: {
  kind: "model-usage" | "app-usage" | null;
  headerLine: number;
  issues: IssueList;
  source: string;
  asOf: Date | null;
  meta: { capturedat?: unknown };
  citation: string;
  modelUsage: ModelUsageRow[];
  apps: Map<string, { app: AppRecord; line: number }>;
  appUsage: AppUsageRow[];
}): ParsedSnapshot {
  const { kind, headerLine, issues, source, asOf, meta, citation, modelUsage, apps, appUsage } = p;
  if (kind === null) issues.add(`row ${headerLine}`, "expected a header row");
  issues.throwIfAny(WHAT);
  if (!modelUsage.length && !appUsage.length) {
    throw new IngestError(422, `${WHAT}: the snapshot has a header but no rows`, [{ path: `row ${headerLine}`, message: "no rows" }]);
  }

  return {
    format: "modelshare-csv",
    source,
    asOf,
    asOfFromBody: Boolean(meta.capturedat),
    citation,
    models: [],
    modelUsage,
    apps: [...apps.values()].map((a) => a.app),
    appUsage,
  };
}

/** A cell by column index, trimmed; "" for an absent optional column (index -1). */
function cell(cells: string[], i: number): string {
  return i < 0 ? "" : trimmed(cells[i]);
}

/** `s.trim()`, skipped for the usual cell, which starts and ends with printable ASCII (nothing to trim). */
function trimmed(s: string): string {
  const n = s.length;
  return n > 0 && isPrintableAscii(s.charCodeAt(0)) && isPrintableAscii(s.charCodeAt(n - 1)) ? s : s.trim();
}

const isPrintableAscii = (c: number) => c > 32 && c < 127;

/**
 * A row of a model usage file. It keeps its line number: `path` ("row N") is built only when an error names
 * the row. A file with only the required columns has rows of four fields, the optional values being the
 * prototype's nulls: the rows are kept until written, and their size is most of the garbage collector's work.
 */
class CsvModelUsageRow implements ModelUsageRow {
  declare readonly promptTokens: BigIntString | null;
  declare readonly completionTokens: BigIntString | null;
  declare readonly reasoningTokens: BigIntString | null;
  declare readonly cachedTokens: BigIntString | null;
  declare readonly requests: BigIntString | null;
  constructor(
    readonly day: Day,
    readonly model: ModelRef,
    readonly totalTokens: BigIntString,
    readonly line: number,
  ) {}
  get path(): string {
    return `row ${this.line}`;
  }
}
for (const field of ["promptTokens", "completionTokens", "reasoningTokens", "cachedTokens", "requests"]) {
  Object.defineProperty(CsvModelUsageRow.prototype, field, { value: null, writable: true }); // writable: a row may have its own
}

/** A row of a file with optional columns: their values are its own. */
class CsvModelUsageRowWithSplits extends CsvModelUsageRow {
  constructor(
    day: Day,
    model: ModelRef,
    totalTokens: BigIntString,
    line: number,
    readonly promptTokens: BigIntString | null,
    readonly completionTokens: BigIntString | null,
    readonly reasoningTokens: BigIntString | null,
    readonly cachedTokens: BigIntString | null,
    readonly requests: BigIntString | null,
  ) {
    super(day, model, totalTokens, line);
  }
}

/** Row handler for `date,model,total_tokens,…` files. Column indexes are resolved once, not per row. */
function modelUsageRows(
  col: Record<string, number>,
  width: number,
  issues: IssueList,
  out: ModelUsageRow[],
): CsvRecordHandler {
  const dayOf = makeDayInterner();
  const readRef = makeModelRefReader();
  const [cDate, cModel, cTotal] = [col.date, col.model, col.total_tokens];
  const [cPrompt, cCompletion, cReasoning, cCached, cRequests] = [
    col.prompt_tokens,
    col.completion_tokens,
    col.reasoning_tokens,
    col.cached_tokens,
    col.requests,
  ];
  const splits = [cPrompt, cCompletion, cReasoning, cCached, cRequests].some((c) => c >= 0);
  return (cells, line) => {
    const path = `row ${line}`;
    if (cells.length !== width) {
      issues.add(path, `has ${cells.length} cells but the header has ${width}`);
      return;
    }
    const dayCell = trimmed(cells[cDate]);
    const day = dayOf(dayCell);
    if (day === null) issues.add(`${path}.date`, dayCell === "" ? "is required" : `must be a real day, YYYY-MM-DD, got ${quote(dayCell)}`);
    const model = readRef(trimmed(cells[cModel]), path, "model", issues);
    const totalTokens = readCount(trimmed(cells[cTotal]), path, "total_tokens", issues);
    const promptTokens = readOptionalCount(cell(cells, cPrompt), path, "prompt_tokens", issues);
    const completionTokens = readOptionalCount(cell(cells, cCompletion), path, "completion_tokens", issues);
    const reasoningTokens = readOptionalCount(cell(cells, cReasoning), path, "reasoning_tokens", issues);
    const cachedTokens = readOptionalCount(cell(cells, cCached), path, "cached_tokens", issues);
    const requests = readOptionalCount(cell(cells, cRequests), path, "requests", issues);
    if (day === null || model === null || totalTokens === null) return;
    if (!issues.empty) return; // rejected anyway: stop building rows, keep reporting
    out.push(
      splits
        ? new CsvModelUsageRowWithSplits(day, model, totalTokens, line, promptTokens, completionTokens, reasoningTokens, cachedTokens, requests)
        : new CsvModelUsageRow(day, model, totalTokens, line),
    );
  };
}

/** Row handler for `period,app_id,app_name,…` files. */
function appUsageRows(
  col: Record<string, number>,
  width: number,
  issues: IssueList,
  apps: Map<string, { app: AppRecord; line: number }>,
  out: AppUsageRow[],
): CsvRecordHandler {
  const readRef = makeModelRefReader();
  return (cells, line) => {
    const path = `row ${line}`;
    if (cells.length !== width) {
      issues.add(path, `has ${cells.length} cells but the header has ${width}`);
      return;
    }
    const periodCell = cell(cells, col.period);
    const period = periodCell === "" ? null : periodFromString(periodCell, `${path}.period`, issues);
    if (periodCell === "") issues.add(`${path}.period`, "is required");
    const appId = cell(cells, col.app_id);
    if (appId === "") issues.add(`${path}.app_id`, "is required");
    const appIdOk = appId !== "" && readText(appId, "id", path, "app_id", issues) !== undefined;
    const name = cells[col.app_name]; // verbatim
    if (name.trim() === "") issues.add(`${path}.app_name`, "is required");
    const nameOk = name.trim() !== "" && readText(name, "name", path, "app_name", issues) !== undefined;
    const modelCell = cell(cells, col.model);
    const model = modelCell === "" ? null : readRef(modelCell, path, "model", issues);
    const totalTokens = readCount(cell(cells, col.total_tokens), path, "total_tokens", issues);
    const requests = readOptionalCount(cell(cells, col.requests), path, "requests", issues);
    if (period === null || !appIdOk || !nameOk) return;
    if ((modelCell !== "" && model === null) || totalTokens === null) return;
    const known = apps.get(appId);
    if (!known) apps.set(appId, { app: { appId, name }, line });
    else if (known.app.name !== name) {
      issues.add(`${path}.app_name`, `app ${quote(appId)} is named ${quote(known.app.name)} on row ${known.line}`);
    }
    if (!issues.empty) return;
    out.push({
      appId,
      model,
      periodKind: period.kind,
      periodStart: period.start,
      periodEnd: period.end,
      totalTokens,
      requests,
      path,
    });
  };
}
