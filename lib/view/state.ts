/**
 * The state of a view, defined once: parsed from and written to query parameters by the pages, the read
 * API, embeds, OG images and permalinks alike (PRODUCT.md §4). The API parses strictly (a located 400 for
 * any invalid value); pages parse leniently (an invalid value falls back to its default, never a crash).
 */
import { stripControls } from "@/lib/labels";
import { isChartId, type ChartId } from "./charts";
import { day, fail, type Field, listOf, ok, oneOf, text, token, wholeNumber } from "./fields";

export const INTERVALS = ["day", "week", "month"] as const;
export const VARIANTS = ["all", "paid", "free"] as const;
export const ALIGNS = ["calendar", "launch"] as const;
export const METRICS = ["tokens", "cumulative", "share"] as const;
export const SCALES = ["linear", "log"] as const;
export const DISPLAYS = ["chart", "table"] as const;
export const EVENT_DISPLAYS = ["show", "hide"] as const;

export type Interval = (typeof INTERVALS)[number];
export type VariantFilter = (typeof VARIANTS)[number];
export type Align = (typeof ALIGNS)[number];
export type Metric = (typeof METRICS)[number];
export type Scale = (typeof SCALES)[number];
export type Display = (typeof DISPLAYS)[number];
export type EventDisplay = (typeof EVENT_DISPLAYS)[number];

/** The longest authored texts, in code points (they print on cards, embeds and link previews). */
export const WORD_LIMITS = { title: 120, subtitle: 200, note: 500 } as const;

export interface ViewState {
  /** Series of model refs (public ids or permaslugs, optional `:variant`); a series of several is their sum. */
  models: string[][];
  /** Authors (vendors), each its own series; used when `models` is empty. */
  authors: string[];
  /** Inclusive UTC days; null = relative to the newest data (see lib/view/range.ts). */
  from: string | null;
  to: string | null;
  interval: Interval;
  variant: VariantFilter;
  align: Align;
  metric: Metric;
  scale: Scale;
  /** How many items (models, apps, authors) charts and rankings show. */
  top: number;
  /** Launch alignment's own axis: the first N days after each launch (null = the longest horizon stored). */
  days: number | null;
  /** Chart or its table view. */
  display: Display;
  /** Markers of launches, price changes and free tiers on time charts (lib/queries/events.ts). */
  events: EventDisplay;
  /** The author's own words on one chart (`for`, else the view's default chart): plain text, shown escaped. */
  title: string | null;
  subtitle: string | null;
  note: string | null;
  for: ChartId | null;
}

export const DEFAULT_VIEW: Readonly<ViewState> = Object.freeze({
  models: [],
  authors: [],
  from: null,
  to: null,
  interval: "day",
  variant: "all",
  align: "calendar",
  metric: "tokens",
  scale: "linear",
  top: 10,
  days: null,
  display: "chart",
  events: "show",
  title: null,
  subtitle: null,
  note: null,
  for: null,
});

const MAX_DAYS = 3660;

const MAX_SERIES = 12;
const MAX_TOP = 50;
const MAX_REF_LENGTH = 200;

const ref = token(/^[~\w.\-/:]+$/, MAX_REF_LENGTH, "model ids contain only letters, digits and ~ . - _ / :");
const author = token(/^[~\w.\-]+$/, 100, "authors contain only letters, digits and ~ . - _");

/** A model reference as the view state accepts it (public id or permaslug, optional `:variant`). */
export function isModelRef(value: string): boolean {
  return value.length > 0 && ref(value).ok;
}

/** Splits "a,b+c" into [[a],[b,c]]. `+` in a query string decodes to a space, so both separate members. */
function splitSeries(value: string): string[][] {
  return value
    .split(",")
    .map((s) => s.split(/[+ ]/).map((m) => m.trim()).filter(Boolean))
    .filter((s) => s.length > 0);
}

/** Authored text: at most `max` code points, control and bidi characters dropped, trimmed (null when empty). */
const words = (max: number) => text((v) => [...v].length <= max, `at most ${max} characters`, (v) => stripControls(v).trim() || null);

const seriesList = listOf(listOf(ref, MAX_SERIES, `at most ${MAX_SERIES} models in one sum`), MAX_SERIES, `at most ${MAX_SERIES} series`);
const authorList = listOf(author, MAX_SERIES, `at most ${MAX_SERIES} authors`);

const fields: { [K in keyof ViewState]: Field<ViewState[K]> } = {
  models: (raw) => seriesList(splitSeries(raw)),
  authors: (raw) => authorList(raw.split(",").map((a) => a.trim()).filter(Boolean)),
  from: day,
  to: day,
  interval: oneOf(INTERVALS),
  variant: oneOf(VARIANTS),
  align: oneOf(ALIGNS),
  metric: oneOf(METRICS),
  scale: oneOf(SCALES),
  top: wholeNumber(1, MAX_TOP),
  days: wholeNumber(1, MAX_DAYS, "expected a whole number of days", /^\d{1,4}$/),
  display: oneOf(DISPLAYS),
  events: oneOf(EVENT_DISPLAYS),
  title: words(WORD_LIMITS.title),
  subtitle: words(WORD_LIMITS.subtitle),
  note: words(WORD_LIMITS.note),
  for: text(isChartId, "not a chart id", (v) => v as ChartId),
};

export type ViewParam = keyof typeof fields;
export const VIEW_PARAMS = Object.keys(fields) as ViewParam[];

export interface ParamIssue {
  path: string;
  message: string;
}

type ParamSource = URLSearchParams | Record<string, string | string[] | undefined>;

function get(source: ParamSource, key: string): string | undefined {
  if (source instanceof URLSearchParams) return source.get(key) ?? undefined;
  const v = source[key];
  return Array.isArray(v) ? v[0] : v;
}

/**
 * Parses the view parameters present in `source`. Absent parameters take their defaults. Returns the state
 * and the problems found; in lenient use, ignore the problems (each bad field already fell back).
 */
export function parseViewState(source: ParamSource, base: Partial<ViewState> = {}): { state: ViewState; issues: ParamIssue[] } {
  const state: ViewState = { ...DEFAULT_VIEW, ...base };
  const issues: ParamIssue[] = [];
  for (const key of VIEW_PARAMS) {
    const raw = get(source, key);
    if (raw === undefined || raw === "") continue;
    const parsed = fields[key](raw);
    if (parsed.ok) {
      (state as unknown as Record<string, unknown>)[key] = parsed.value;
    } else {
      for (const issue of parsed.issues) {
        const sub = issue.path.length ? `[${issue.path.join("][")}]` : "";
        issues.push({ path: `query.${key}${sub}`, message: `${issue.message} (got "${truncate(raw)}")` });
      }
    }
  }
  if (state.from && state.to && state.from > state.to) {
    issues.push({ path: "query.from", message: `from (${state.from}) is after to (${state.to})` });
    state.from = base.from ?? DEFAULT_VIEW.from;
    state.to = base.to ?? DEFAULT_VIEW.to;
  }
  return { state, issues };
}

/** The query string of a state: only values that differ from the defaults, in a stable order. */
export function serializeViewState(state: ViewState, defaults: Partial<ViewState> = {}): URLSearchParams {
  const d: ViewState = { ...DEFAULT_VIEW, ...defaults };
  const out = new URLSearchParams();
  const models = state.models.map((s) => s.join(" ")).join(",");
  if (models !== d.models.map((s) => s.join(" ")).join(",")) out.set("models", models);
  const authors = state.authors.join(",");
  if (authors !== d.authors.join(",")) out.set("authors", authors);
  for (const key of ["from", "to", "interval", "variant", "align", "metric", "scale", "top", "days", "display", "events", "title", "subtitle", "note", "for"] as const) {
    if (state[key] !== d[key] && state[key] !== null) out.set(key, String(state[key]));
  }
  return out;
}

/** The state's canonical query string ("?models=a,b&interval=week"), or "" when every value is a default. */
export function viewQuery(state: ViewState, defaults: Partial<ViewState> = {}): string {
  const q = serializeViewState(state, defaults).toString();
  return q ? `?${q}` : "";
}

// ── Views (pages) and their own defaults ───────────────────────────────────────────────────────────────

/** The shareable views: each is a page (lib/view/address.ts maps them to paths) with its own defaults. */
export const VIEWS = ["overview", "model", "compare", "vendors", "app"] as const;
export type View = (typeof VIEWS)[number];

/**
 * Each page's defaults where they differ from DEFAULT_VIEW (e.g. weekly on the overview): only values
 * differing from them reach the page's URL, permalinks and embeds.
 */
export const PAGE_DEFAULTS: Readonly<Record<View, Readonly<Partial<ViewState>>>> = Object.freeze({
  overview: Object.freeze({ interval: "week" as const }),
  model: Object.freeze({ interval: "week" as const }),
  compare: Object.freeze({ interval: "week" as const }),
  vendors: Object.freeze({ interval: "month" as const, top: 6 }),
  app: Object.freeze({ interval: "month" as const }),
});

export function isView(v: unknown): v is View {
  return typeof v === "string" && (VIEWS as readonly string[]).includes(v);
}

// ── Parameters of embeds and chart images (not part of a view's state) ─────────────────────────────────

export const THEMES = ["auto", "light", "dark", "transparent"] as const;
export type Theme = (typeof THEMES)[number];
const IMAGE_FORMATS = ["png", "svg"] as const;
export type ImageFormat = (typeof IMAGE_FORMATS)[number];

export interface RenderParams {
  /** Embeds: `auto` follows the reader's system, `transparent` too but without a background or border (it
   * takes the host page's); images: `auto` and `transparent` mean light. */
  theme: Theme;
  /** Chart images only: PNG (1200×630, the link preview) or SVG. */
  format: ImageFormat;
  /** Chart images only: answer as an attachment (Content-Disposition) for the download buttons. */
  download: boolean;
}

/** Lenient: an invalid theme or format falls back to its default (an embed never fails on a typo). */
export function parseRenderParams(source: ParamSource): RenderParams {
  const theme = get(source, "theme");
  const format = get(source, "format");
  const download = get(source, "download");
  return {
    theme: (THEMES as readonly string[]).includes(theme ?? "") ? (theme as Theme) : "auto",
    format: (IMAGE_FORMATS as readonly string[]).includes(format ?? "") ? (format as ImageFormat) : "png",
    download: download === "1" || download === "true",
  };
}

// ── Parameters of the read API only (not part of a view's state) ─────────────────────────────────────

const FORMATS = ["json", "csv"] as const;
export type Format = (typeof FORMATS)[number];

export interface ApiParams {
  /** Answer as JSON (default) or tidy CSV. */
  format: Format;
  /** Search text for the models list (matches id, permaslug, name, author). */
  q: string | null;
}

const apiFields: { [K in keyof ApiParams]: Field<ApiParams[K]> } = {
  format: oneOf(FORMATS),
  q: (raw) => {
    const q = raw.trim();
    return !q ? fail("empty search text") : q.length > 100 ? fail("at most 100 characters") : ok(q);
  },
};

/**
 * Strict parsing for /api/v1/*: the view state plus the API's own parameters. Unknown parameters are
 * ignored; every invalid value is an issue (the route answers 400 naming `query.<param>`).
 */
export function parseApiRequest(source: ParamSource, base: Partial<ViewState> = {}): { state: ViewState; api: ApiParams; issues: ParamIssue[] } {
  const { state, issues } = parseViewState(source, base);
  const api: ApiParams = { format: "json", q: null };
  for (const key of Object.keys(apiFields) as (keyof ApiParams)[]) {
    const raw = get(source, key);
    if (raw === undefined || raw === "") continue;
    const parsed = apiFields[key](raw);
    if (parsed.ok) (api as unknown as Record<string, unknown>)[key] = parsed.value;
    else for (const issue of parsed.issues) issues.push({ path: `query.${key}`, message: `${issue.message} (got "${truncate(raw)}")` });
  }
  return { state, api, issues };
}

function truncate(s: string, n = 60): string {
  return s.length > n ? `${s.slice(0, n)}…` : s;
}
