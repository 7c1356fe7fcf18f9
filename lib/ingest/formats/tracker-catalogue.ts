/**
 * A public tracker's flattened OpenRouter catalogue (trackers/model_catalogue.csv, CRLF):
 * model_id, permaslug, variant, name, created, context_length, modality, tokenizer,
 * listed_input_usd_per_mtok, listed_output_usd_per_mtok, listed_cache_read_usd_per_mtok.
 *
 * Prices are already per 1M tokens but were computed with floats (0.09999999999999999 means 0.1) and
 * the routers' "-1" per token became -1000000.0 (dynamic → null). An empty price cell means the catalogue
 * had no such key, which OpenRouter uses for 0. Extra columns (modality, tokenizer…) are ignored. The file
 * has no date: asOf is null.
 */
import { IssueList } from "../errors";
import type { ModelRecord, ParseContext, ParsedSnapshot } from "../types";
import { OPENROUTER_CITATION } from "../types";
import { readPrice } from "../prices";
import { authorOf, quote, splitModelId, unixSecondsToDay } from "../values";
import { mapColumns, readCsvRecords } from "./csv";
import { checkModelId, readText, stripBom } from "./shared";

const WHAT = "invalid tracker model catalogue CSV";

/** OpenRouter's data, as flattened by a public tracker (the citation is still OpenRouter's). */
export const TRACKER_SOURCE = "openrouter-tracker";

export const TRACKER_CATALOGUE_HEADER_PREFIX = "model_id,permaslug,variant,name,created";

const REQUIRED = [
  "model_id",
  "permaslug",
  "variant",
  "name",
  "created",
  "context_length",
  "listed_input_usd_per_mtok",
  "listed_output_usd_per_mtok",
  "listed_cache_read_usd_per_mtok",
] as const;

/**
 * The tracker CSVs' model identity cells: each required and within the id limits, and the variant column
 * agreeing with model_id's `:suffix` (both name the variant).
 */
export function checkIdentity(path: string, cells: { model_id: string; permaslug: string; variant: string }, issues: IssueList): boolean {
  let ok = true;
  for (const [k, v] of Object.entries(cells)) {
    if (v === "") issues.add(`${path}.${k}`, "is required");
    if (v === "" || !checkModelId(v, path, k, issues)) ok = false;
  }
  if (!ok) return false;
  const fromId = splitModelId(cells.model_id).variant;
  if (fromId === cells.variant) return true;
  issues.add(`${path}.variant`, `is ${quote(cells.variant)} but model_id ${quote(cells.model_id)} says ${quote(fromId)}`);
  return false;
}

/** An optional non-negative integer cell: "" → null. */
function intCell(cell: string, path: string, issues: IssueList): number | null | undefined {
  const v = cell.trim();
  if (v === "") return null;
  if (/^[0-9]+$/.test(v) && Number.isSafeInteger(Number(v))) return Number(v);
  issues.add(path, `must be a non-negative integer, got ${quote(cell)}`);
  return undefined;
}

export function parse(text: string, _ctx?: ParseContext): ParsedSnapshot {
  const issues = new IssueList();
  const models: ModelRecord[] = [];
  let col: Record<(typeof REQUIRED)[number], number> | null = null;

  readCsvRecords(stripBom(text), (cells, line) => {
    if (!col) {
      col = mapColumns(cells, { required: REQUIRED, optional: [], rejectUnknown: false, what: WHAT, line });
      return;
    }
    const c = col;
    const at = (k: (typeof REQUIRED)[number]) => cells[c[k]] ?? "";
    const path = `row ${line}`;
    const modelId = at("model_id").trim();
    const permaslug = at("permaslug").trim();
    const variant = at("variant").trim();
    const ok = checkIdentity(path, { model_id: modelId, permaslug, variant }, issues);
    const created = intCell(at("created"), `${path}.created`, issues);
    const launchDate = created == null ? null : unixSecondsToDay(created);
    if (created != null && launchDate === null) issues.add(`${path}.created`, "is not a usable unix time");
    const contextLength = intCell(at("context_length"), `${path}.context_length`, issues);
    if (contextLength != null && contextLength > 2147483647) issues.add(`${path}.context_length`, "is too large");
    const price = (k: (typeof REQUIRED)[number]) => readPrice(at(k).trim(), "per-million-float", `${path}.${k}`, issues);
    const inputPerM = price("listed_input_usd_per_mtok");
    const outputPerM = price("listed_output_usd_per_mtok");
    const cacheReadPerM = price("listed_cache_read_usd_per_mtok");
    const name = at("name") === "" ? "" : readText(at("name"), "name", path, "name", issues);
    if (!ok || name === undefined) return;
    if (inputPerM === undefined || outputPerM === undefined || cacheReadPerM === undefined) return;
    models.push({
      permaslug,
      variant,
      publicId: modelId,
      author: authorOf(modelId),
      name: name || null,
      launchDate,
      contextLength: contextLength ?? null,
      price: { inputPerM, outputPerM, cacheReadPerM },
    });
  });
  if (!col) issues.add("row 1", "the file is empty (expected a header)");
  issues.throwIfAny(WHAT);

  return {
    format: "tracker-model-catalogue",
    source: TRACKER_SOURCE,
    asOf: null,
    citation: OPENROUTER_CITATION,
    models,
    modelUsage: [],
    apps: [],
    appUsage: [],
  };
}
