/**
 * CSV writing, in one place: the API's `format=csv` answers and the pages' "Download CSV" use these
 * functions, so a file downloaded from a chart equals the API's answer for the same state.
 *
 * - RFC 4180: CRLF line endings; a cell containing `,` `"` CR or LF is quoted, `"` doubled.
 * - Formula injection: a text cell starting with `=` `+` `-` `@`, tab or CR gets a leading `'`, so
 *   spreadsheet apps show it as text instead of running it (OWASP "CSV injection"). Numbers are written by
 *   us and never start with those characters (except a negative day index, which is a plain number).
 * - Numbers are plain decimals: no thousands separators, no exponent (1e-7 → 0.0000001, 1e21 → 1000…0).
 *   Token counts are written from their exact decimal strings.
 * - Tidy: one row per series and period, the columns of PRODUCT.md §5 first.
 * - Provenance: trailing columns on every row — `source` (sources joined by "; "), `as_of` (ISO),
 *   `citation` (citations joined by " "), `sample` (true for generated sample data) — so the file stays a
 *   plain table any CSV reader loads, and every row carries what a chart's source line says.
 */
import type {
  AppMixResult,
  AppsResult,
  CompareResult,
  ModelsResult,
  Provenance,
  SubsidyResult,
  SeriesPoint,
  UsageResult,
} from "@/lib/queries/types";
import type { SearchResult } from "@/lib/queries/search";
import type { EventsResult } from "@/lib/queries/types";
import { cumulativeSums } from "@/lib/view/periods";

export type CsvCell = string | number | bigint | boolean | null | undefined;

const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;
const FORMULA_START = /^[=+\-@\t\r]/;

/** A decimal string without exponent or separators. Non-finite numbers give "" (an empty cell). */
export function plainDecimal(value: number | bigint | string): string {
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "string") {
    if (PLAIN_NUMBER.test(value)) return value;
    value = Number(value);
  }
  if (!Number.isFinite(value)) return "";
  if (Object.is(value, -0)) return "0";
  const s = String(value);
  if (!/e/i.test(s)) return s;
  return expandExponent(s);
}

/** "1.5e-7" → "0.00000015"; "1.2e+21" → "1200000000000000000000". */
function expandExponent(s: string): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?e([+-]?\d+)$/i.exec(s);
  if (!m) return s;
  const [, sign, int, frac = "", expRaw] = m;
  const exp = Number(expRaw);
  const digits = int + frac;
  const point = int.length + exp; // position of the decimal point within `digits`
  let out: string;
  if (point <= 0) out = `0.${"0".repeat(-point)}${digits}`;
  else if (point >= digits.length) out = digits + "0".repeat(point - digits.length);
  else out = `${digits.slice(0, point)}.${digits.slice(point)}`;
  out = out.replace(/^0+(?=\d)/, "");
  if (out.includes(".")) out = out.replace(/\.?0+$/, "");
  return sign + out;
}

/** A text cell made inert for spreadsheets (leading `'` before = + - @ tab CR). */
export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One cell, escaped per RFC 4180. */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" || typeof value === "bigint") return plainDecimal(value);
  if (typeof value === "boolean") return value ? "true" : "false";
  const text = PLAIN_NUMBER.test(value) ? value : neutralizeFormula(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole CSV document: header, rows, CRLF after every record. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  let out = header.map(csvCell).join(",") + "\r\n";
  for (const row of rows) out += row.map(csvCell).join(",") + "\r\n";
  return out;
}

const PROVENANCE_COLUMNS = ["source", "as_of", "citation", "sample"] as const;

function provenanceCells(p: Provenance): CsvCell[] {
  return [p.sources.join("; "), p.asOf ?? "", p.citations.join(" "), p.sample];
}

function withProvenance(header: string[], rows: CsvCell[][], p: Provenance): string {
  const tail = provenanceCells(p);
  return toCsv([...header, ...PROVENANCE_COLUMNS], rows.map((r) => [...r, ...tail]));
}

// ── The API's tidy tables ─────────────────────────────────────────────────────────────────────────

/**
 * usage → series,period,value,tokens,partial,label,complete,window_kind,window_from,window_to,rounded (value:
 * exact tokens / exact cumulative tokens / share 0..1). An unreported period has empty value and tokens and
 * complete=false. A source's window (weekly trackers) fills window_kind and its bounds (window_from empty =
 * start unknown); other rows leave them empty.
 */
export function usageCsv(r: UsageResult): string {
  const rows: CsvCell[][] = [];
  const bounds = (p: SeriesPoint): CsvCell[] => (p.window ? [p.window.kind, p.window.from ?? "", p.window.to, p.window.rounded] : ["", "", "", ""]);
  for (const s of r.series) {
    const cumulative = r.metric === "cumulative" ? cumulativeSums(s.points.map((p) => p.tokens ?? "0")) : null;
    s.points.forEach((p, i) => rows.push([s.key, p.period, r.metric === "tokens" ? p.tokens : cumulative ? cumulative[i] : p.value, p.tokens, p.partial, s.label, p.complete, ...bounds(p)]));
    // At interval=week a source's windows beside calendar weeks of days: their own rows, marked by window_kind.
    if (r.interval === "week" && !s.points.some((p) => p.window)) {
      for (const p of s.windows ?? []) rows.push([s.key, p.period, p.value, p.tokens, p.partial, s.label, p.complete, ...bounds(p)]);
    }
  }
  return withProvenance(["series", "period", "value", "tokens", "partial", "label", "complete", "window_kind", "window_from", "window_to", "rounded"], rows, r.provenance);
}

/** subsidy → author,period,free_tokens,paid_tokens,free_share,partial (free_share empty when the author had no tokens). */
export function subsidyCsv(r: SubsidyResult): string {
  const rows: CsvCell[][] = [];
  for (const a of r.authors) for (const p of a.points) rows.push([a.author, p.period, p.freeTokens, p.paidTokens, p.freeShare, p.partial]);
  return withProvenance(["author", "period", "free_tokens", "paid_tokens", "free_share", "partial"], rows, r.provenance);
}

/** apps → app_id,app_name,model,tokens,basis,coverage_from,coverage_to (model empty = all models). */
export function appsCsv(r: AppsResult): string {
  const rows: CsvCell[][] = r.apps.map((a) => [a.appId, a.appName, a.model ?? "", a.tokens, r.basis, r.coverage?.from ?? "", r.coverage?.to ?? ""]);
  return withProvenance(["app_id", "app_name", "model", "tokens", "basis", "coverage_from", "coverage_to"], rows, r.provenance);
}

/** apps/<appId> → app_id,app_name,model,tokens,period,value,partial,basis (one row per model and period). */
export function appMixCsv(r: AppMixResult): string {
  const rows: CsvCell[][] = [];
  for (const s of r.series) for (const p of s.points) rows.push([r.app.appId, r.app.name, s.key, p.tokens, p.period, p.value, p.partial, r.basis]);
  return withProvenance(["app_id", "app_name", "model", "tokens", "period", "value", "partial", "basis"], rows, r.provenance);
}

/** models → id,permaslug,variant,author,name,tokens,launch_date,context_length,input_per_m,output_per_m,free. */
export function modelsCsv(r: ModelsResult): string {
  const rows: CsvCell[][] = r.models.map((m) => [
    m.publicId, m.permaslug, m.variant, m.author, m.name ?? "", m.tokens, m.launchDate ?? "", m.contextLength, m.inputPerM ?? "", m.outputPerM ?? "", m.free,
  ]);
  return withProvenance(
    ["id", "permaslug", "variant", "author", "name", "tokens", "launch_date", "context_length", "input_per_m", "output_per_m", "free"],
    rows,
    r.provenance,
  );
}

/** compare → one row per model: specs, totals, top app, estimated spend, and the first model ÷ this model ratios. */
export function compareCsv(r: CompareResult): string {
  const rows: CsvCell[][] = r.models.map((m, i) => {
    const q = r.ratios[i];
    return [
      m.key, m.label, m.tokens, m.launchDate ?? "", m.contextLength, m.inputPerM ?? "", m.outputPerM ?? "", m.hasFreeVariant,
      m.topApp?.appId ?? "", m.topApp?.appName ?? "", m.topApp?.tokens ?? "", m.topAppBasis ?? "",
      m.estimatedSpendUsd, m.estimatedSpendBasis ?? "", m.estimatedFrom ?? "days",
      q.base, q.tokens, q.topApp, q.inputPrice, q.outputPrice, q.context, q.spend,
    ];
  });
  return withProvenance(
    [
      "model", "label", "tokens", "launch_date", "context_length", "input_per_m", "output_per_m", "free_variant",
      "top_app_id", "top_app_name", "top_app_tokens", "top_app_basis", "estimated_spend_usd", "spend_basis", "estimated_from",
      "ratio_base", "ratio_tokens", "ratio_top_app", "ratio_input_price", "ratio_output_price", "ratio_context", "ratio_spend",
    ],
    rows,
    r.provenance,
  );
}

/** Search hits, best first: one row per hit. */
export function searchCsv(r: SearchResult): string {
  return toCsv(["kind", "id", "label", "detail", "href", "tokens"], r.hits.map((h) => [h.kind, h.id, h.label, h.detail, h.href, h.tokens]));
}

/** events → date,type,model,name,author,before/after input and output prices (price changes only). */
export function eventsCsv(r: EventsResult): string {
  const rows: CsvCell[][] = r.events.map((e) => [
    e.date, e.type, e.model, e.name ?? "", e.author,
    e.before?.inputPerM, e.before?.outputPerM, e.after?.inputPerM, e.after?.outputPerM,
  ]);
  return withProvenance(
    ["date", "type", "model", "name", "author", "before_input_per_m", "before_output_per_m", "after_input_per_m", "after_output_per_m"],
    rows,
    r.provenance,
  );
}
