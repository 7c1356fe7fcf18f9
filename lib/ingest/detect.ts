/**
 * Content detection: which format a body is, decided from the body itself (clients send JSON as
 * text/plain and CSV as application/octet-stream; the content type is only quoted in messages).
 *
 *   empty → 400 · NUL/control bytes or HTML/XML → 415 · `{`/`[` → JSON (malformed → 400), dispatched by
 *   shape (unknown shape → 422) · otherwise CSV if the first non-comment line has a comma, dispatched by
 *   header (unknown header → 422) · anything else → 415.
 */
import { IngestError, type IssueDetail } from "./errors";
import { LONE_SURROGATE_RE } from "./limits";
import { quote } from "./values";
import type { FormatId, ParseContext, ParsedSnapshot } from "./types";
import { readCsvRecords } from "./formats/csv";
import { MODELSHARE_CSV_HEADERS, modelshareCsvKind, parse as parseModelshareCsv, parseInSlices as parseModelshareCsvInSlices, readLeadingComments } from "./formats/modelshare-csv";
import { MODELSHARE_FORMAT, parseModelshareJson } from "./formats/modelshare";
import { parseAppRankings } from "./formats/openrouter-app-rankings";
import { parseOpenRouterModels } from "./formats/openrouter-models";
import { parseRankingsDaily } from "./formats/openrouter-rankings-daily";
import { isRecord, lineColumn, parseJsonText, stripBom } from "./formats/shared";
import { parse as parseTrackerCatalogue, TRACKER_CATALOGUE_HEADER_PREFIX } from "./formats/tracker-catalogue";
import { isPriceHistoryShape, parsePriceHistory } from "./formats/tracker-price-history";
import { parse as parseTrackerTopApps, TRACKER_TOP_APPS_HEADER_PREFIX } from "./formats/tracker-top-apps";
import { isTrackerWeekly, parseTrackerWeekly } from "./formats/tracker-weekly";

export type { ParseContext } from "./types";

export type DetectContext = ParseContext & { contentType?: string | null };

const JSON_SHAPES = [
  `Modelshare snapshot {"format":"${MODELSHARE_FORMAT}",…}`,
  "OpenRouter rankings-daily {data:[{date, model_permaslug, total_tokens}], meta}",
  "OpenRouter app-rankings {data:[{rank, app_id, app_name, total_tokens, total_requests}], meta}",
  "OpenRouter models {data:[{id, canonical_slug, pricing, …}]}",
  "weekly tracker {date, models:[{slug, total_tokens, …}]}",
  "tracker price history {as_of, models:{id:{name, first_seen, last_seen, points:[[date, input, output]]}}}",
];

const CSV_HEADERS = [
  `${TRACKER_CATALOGUE_HEADER_PREFIX},… (tracker model catalogue)`,
  `${TRACKER_TOP_APPS_HEADER_PREFIX},… (tracker top apps by model)`,
  ...MODELSHARE_CSV_HEADERS.map((h) => `${h} (modelshare CSV)`),
];

/** Detects the format of `text` and parses it. Throws IngestError (400/415/422) on anything unusable. */
export function parseSnapshot(text: string, ctx: DetectContext): ParsedSnapshot {
  return detectAndParse(text, ctx, parseModelshareCsv);
}

/**
 * parseSnapshot for the server: a Modelshare CSV — the format of large hand-made or exported bodies — is
 * read in slices with turns of the event loop between them, so other requests are answered meanwhile.
 */
export async function parseSnapshotInSlices(text: string, ctx: DetectContext): Promise<ParsedSnapshot> {
  return detectAndParse<ParsedSnapshot | Promise<ParsedSnapshot>>(text, ctx, parseModelshareCsvInSlices);
}

function detectAndParse<R = ParsedSnapshot>(text: string, ctx: DetectContext, modelshareCsv: (body: string, ctx: ParseContext) => R): ParsedSnapshot | R {
  const body = stripBom(text);
  const start = firstNonSpace(body);
  if (start < 0) throw new IngestError(400, "empty body: expected a JSON or CSV snapshot");

  const sniff = body.slice(0, 4096);

  const control = /[\u0000-\u0008\u000e-\u001f]/.exec(sniff)?.index ?? (body.includes("\u0000") ? body.indexOf("\u0000") : -1);
  if (control >= 0) throw unsupported(ctx, "binary content (control bytes)", located(body, control, `control byte 0x${body.charCodeAt(control).toString(16).padStart(2, "0")}`));
  // Text handed in directly (CLI, collector, tests) may hold halves of surrogate pairs, which no UTF-8
  // encoder can store; over HTTP, invalid UTF-8 is refused before this (lib/ingest/utf8.ts).
  if (!(body as unknown as { isWellFormed(): boolean }).isWellFormed()) {
    const at = LONE_SURROGATE_RE.exec(body)!.index;
    throw new IngestError(422, "refused text: a lone surrogate (not a Unicode character)", [located(body, at, "lone surrogate")]);
  }
  const first = body[start];
  if (first === "<") throw unsupported(ctx, "HTML/XML");

  if (first === "{" || first === "[") return parseJsonSnapshot(parseJsonText(body), ctx);

  const { pos, line } = readLeadingComments(body);
  const headerEnd = body.indexOf("\n", pos);
  const headerLine = body.slice(pos, headerEnd < 0 ? body.length : headerEnd);
  if (!headerLine.includes(",")) throw unsupported(ctx, "neither JSON nor CSV (no comma on the first line)");
  return parseCsvSnapshot(body, pos, line, ctx, modelshareCsv);
}

/** Which format a parsed JSON body is, by shape. */
export function detectJsonFormat(body: unknown): FormatId | null {
  if (!isRecord(body)) return null;
  if (body.format !== undefined) return body.format === MODELSHARE_FORMAT ? "modelshare-json" : null;
  if (isTrackerWeekly(body)) return "tracker-weekly";
  if (isPriceHistoryShape(body)) return "tracker-price-history";
  if (!Array.isArray(body.data)) return null;
  const sample = body.data.find(isRecord);
  if (!sample) return null;
  if ("model_permaslug" in sample) return "openrouter-rankings-daily";
  if ("app_id" in sample && "rank" in sample) return "openrouter-app-rankings";
  if ("canonical_slug" in sample || "pricing" in sample) return "openrouter-models";
  return null;
}

/** The parser of each JSON format, by format id: one dispatch for detection and for parseAs. */
const JSON_PARSERS = {
  "modelshare-json": parseModelshareJson,
  "openrouter-rankings-daily": parseRankingsDaily,
  "openrouter-app-rankings": parseAppRankings,
  "openrouter-models": parseOpenRouterModels,
  "tracker-weekly": parseTrackerWeekly,
  "tracker-price-history": parsePriceHistory,
} satisfies Partial<Record<FormatId, (body: unknown, ctx: ParseContext) => ParsedSnapshot>>;

type JsonFormat = keyof typeof JSON_PARSERS;

function parseJsonSnapshot(body: unknown, ctx: ParseContext): ParsedSnapshot {
  const format = detectJsonFormat(body);
  if (format && format in JSON_PARSERS) return JSON_PARSERS[format as JsonFormat](body, ctx);
  let hint = "";
  if (isRecord(body) && typeof body.format === "string") hint = ` (format ${JSON.stringify(body.format)} is not supported)`;
  else if (isRecord(body) && Array.isArray(body.data) && !body.data.some(isRecord)) hint = " (data has no rows to recognise)";
  else if (Array.isArray(body)) hint = " (got a bare array)";
  throw new IngestError(422, `unrecognised JSON snapshot${hint}: expected one of: ${JSON_SHAPES.join("; ")}`, [
    { path: "(root)", message: "unrecognised JSON shape" },
  ]);
}

function parseCsvSnapshot<R>(body: string, pos: number, line: number, ctx: ParseContext, modelshareCsv: (body: string, ctx: ParseContext) => R): ParsedSnapshot | R {
  // Read just the header record (it may be quoted) to dispatch.
  let header: string[] | null = null;
  try {
    readCsvRecords(
      body,
      (cells) => {
        header = cells;
        throw STOP;
      },
      pos,
      line,
    );
  } catch (e) {
    if (e !== STOP) throw e;
  }
  const cells = (header ?? []) as string[];
  const joined = cells.map((c) => c.trim().toLowerCase()).join(",");
  if (joined.startsWith(TRACKER_CATALOGUE_HEADER_PREFIX)) return parseTrackerCatalogue(body, ctx);
  if (joined.startsWith(TRACKER_TOP_APPS_HEADER_PREFIX)) return parseTrackerTopApps(body, ctx);
  if (modelshareCsvKind(cells)) return modelshareCsv(body, ctx);
  throw new IngestError(422, `unrecognised CSV header on row ${line}: expected one of: ${CSV_HEADERS.join(" | ")}`, [
    { path: `row ${line}`, message: `unrecognised header ${JSON.stringify(cells.join(",").slice(0, 200))}` },
  ]);
}

const STOP = Symbol("stop");

function firstNonSpace(s: string): number {
  const m = /\S/.exec(s);
  return m ? m.index : -1;
}

function unsupported(ctx: DetectContext, what: string, where?: IssueDetail): IngestError {
  const ct = ctx.contentType ? ` (content-type ${quote(ctx.contentType)})` : "";
  return new IngestError(415, `unsupported content${ct}: ${what}; expected a JSON or CSV snapshot`, where ? [where] : []);
}

/** A problem at a character offset, named by line and column. */
function located(body: string, pos: number, message: string): IssueDetail {
  const { line, column } = lineColumn(body, pos);
  return { path: `line ${line} column ${column}`, message };
}

/** Parse with a known format (e.g. the collector knows what it fetched); skips detection. */
export function parseAs(format: FormatId, text: string, ctx: ParseContext): ParsedSnapshot {
  switch (format) {
    case "tracker-model-catalogue":
      return parseTrackerCatalogue(stripBom(text), ctx);
    case "tracker-top-apps":
      return parseTrackerTopApps(stripBom(text), ctx);
    case "modelshare-csv":
      return parseModelshareCsv(stripBom(text), ctx);
  }
  return JSON_PARSERS[format](parseJsonText(text), ctx);
}
