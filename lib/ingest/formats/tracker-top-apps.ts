/**
 * A public tracker's snapshot of OpenRouter's per-model Apps tab (trackers/top_apps_by_model.csv, CRLF):
 * model_id, permaslug, variant, rank, app_id, app_title, app_slug, app_origin_url, app_categories,
 * total_tokens, total_requests.
 *
 * Each row: one app's totals on one model (permaslug + variant) over the window the page showed at
 * capture. The file has no date, so the window's end is the caller's as_of (ctx.asOf) or, failing that,
 * today (UTC); its start is unknown (null). Titles are kept verbatim (one carries U+FFFD). App names are
 * not unique; app_id is the identity. The same app appears under several models: the first row's title,
 * slug, url and categories describe it. No ModelRecords: rows reference models by permaslug.
 */
import { IssueList } from "../errors";
import type { AppRecord, AppUsageRow, ParseContext, ParsedSnapshot } from "../types";
import { OPENROUTER_CITATION } from "../types";
import { toUtcDay } from "../values";
import { mapColumns, readCsvRecords } from "./csv";
import { readCategories, readCount, readOptionalCount, readPositiveInt, readText, stripBom } from "./shared";
import { checkIdentity, TRACKER_SOURCE } from "./tracker-catalogue";

const WHAT = "invalid tracker top-apps CSV";

export const TRACKER_TOP_APPS_HEADER_PREFIX = "model_id,permaslug,variant,rank,app_id";

const REQUIRED = ["model_id", "permaslug", "variant", "rank", "app_id", "app_title", "total_tokens"] as const;
const OPTIONAL = ["app_slug", "app_origin_url", "app_categories", "total_requests"] as const;
type Col = (typeof REQUIRED)[number] | (typeof OPTIONAL)[number];

/** "" → null (the tracker left it blank: unknown, not "none"). */
function orNull(v: string): string | null {
  return v === "" ? null : v;
}

export function parse(text: string, ctx: ParseContext): ParsedSnapshot {
  const periodEnd = toUtcDay(ctx.asOf ?? new Date());
  const issues = new IssueList();
  const apps = new Map<string, AppRecord>();
  const appUsage: AppUsageRow[] = [];
  let col: Record<Col, number> | null = null;

  readCsvRecords(stripBom(text), (cells, line) => {
    if (!col) {
      col = mapColumns<Col>(cells, { required: REQUIRED, optional: OPTIONAL, rejectUnknown: false, what: WHAT, line });
      return;
    }
    const c = col;
    const at = (k: Col) => (c[k] >= 0 ? (cells[c[k]] ?? "") : "");
    const path = `row ${line}`;
    const modelId = at("model_id").trim();
    const permaslug = at("permaslug").trim();
    const variant = at("variant").trim();
    const appId = at("app_id").trim();
    let ok = checkIdentity(path, { model_id: modelId, permaslug, variant }, issues);
    if (appId === "") issues.add(`${path}.app_id`, "is required");
    if (appId === "" || readText(appId, "id", path, "app_id", issues) === undefined) ok = false;
    const rank = readPositiveInt(at("rank").trim(), path, "rank", issues);
    const total = readCount(at("total_tokens").trim(), path, "total_tokens", issues);
    const requests = readOptionalCount(at("total_requests").trim(), path, "total_requests", issues);
    if (!ok || rank === null || total === null) return;

    if (!apps.has(appId)) {
      const optional = (k: Col, kind: "id" | "url") => {
        const v = orNull(at(k).trim());
        return v === null ? null : readText(v, kind, path, k, issues);
      };
      const name = readText(at("app_title"), "name", path, "app_title", issues);
      const slug = optional("app_slug", "id");
      const url = optional("app_origin_url", "url");
      const cats = at("app_categories").trim();
      const categories = cats === "" ? null : readCategories(cats.split("|").map((s) => s.trim()).filter(Boolean), path, "app_categories", issues);
      if (name === undefined || slug === undefined || url === undefined || categories === undefined) return;
      apps.set(appId, { appId, name, slug, url, categories });
    }
    appUsage.push({
      appId,
      model: { kind: "permaslug", permaslug, variant, publicId: modelId },
      periodKind: "window",
      periodStart: null,
      periodEnd,
      totalTokens: total,
      requests,
      rank,
      path,
    });
  });
  if (!col) issues.add("row 1", "the file is empty (expected a header)");
  issues.throwIfAny(WHAT);

  return {
    format: "tracker-top-apps",
    source: TRACKER_SOURCE,
    asOf: null,
    citation: OPENROUTER_CITATION,
    models: [],
    modelUsage: [],
    apps: [...apps.values()],
    appUsage,
  };
}
