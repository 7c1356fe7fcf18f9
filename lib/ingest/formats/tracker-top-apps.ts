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
import { readCount, readOptionalCount, readPositiveInt, stripBom } from "./shared";
import { checkVariant, TRACKER_SOURCE } from "./tracker-catalogue";

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
    let ok = true;
    for (const [k, v] of [["model_id", modelId], ["permaslug", permaslug], ["variant", variant], ["app_id", appId]] as const) {
      if (v === "") {
        issues.add(`${path}.${k}`, "is required");
        ok = false;
      }
    }
    if (ok) ok = checkVariant(modelId, variant, path, issues);
    const rank = readPositiveInt(at("rank").trim(), path, "rank", issues);
    const total = readCount(at("total_tokens").trim(), path, "total_tokens", issues);
    const requests = readOptionalCount(at("total_requests").trim(), path, "total_requests", issues);
    if (!ok || rank === null || total === null) return;

    if (!apps.has(appId)) {
      const cats = at("app_categories").trim();
      apps.set(appId, {
        appId,
        name: at("app_title"),
        slug: orNull(at("app_slug").trim()),
        url: orNull(at("app_origin_url").trim()),
        categories: cats === "" ? null : cats.split("|").map((s) => s.trim()).filter(Boolean),
      });
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
