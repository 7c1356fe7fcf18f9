/**
 * Addresses of views and charts, in one place: a view is a page (`/compare?models=a,b`), a chart of it
 * is embedded at `/embed/<view>/<chart>[/<subject>]?<state>` and drawn as an image at
 * `/api/image/<view>/<chart>[/<subject>]?<state>`; a permalink is `/s/<id>`, its charts
 * `/embed/s/<id>[/<chart>]` and `/api/image/s/<id>[/<chart>]`. The subject is the model id of a model page
 * (slashes kept) or the app id of an app page. Query strings carry only the non-default values of the view
 * state (lib/view/state.ts), so every address of one state is the same string.
 */
import { CHARTS, DEFAULT_CHART, isChartId, type ChartId } from "./charts";
import { isModelRef, isView, PAGE_DEFAULTS, parseViewState, serializeViewState, type Theme, type View, type ViewState } from "./state";

export interface ViewAddress {
  view: View;
  /** Model id (model page) or app id (app page); null for the other views. */
  subject: string | null;
  state: ViewState;
}

/** A chart to embed or draw: of a live view, or of a permalink (its stored state and pinned data). */
export type ChartTarget =
  | { kind: "live"; address: ViewAddress; chart: ChartId }
  | { kind: "permalink"; id: string; chart: ChartId | null };

export const PERMALINK_ID = /^[0-9A-Za-z]{10,32}$/;
const APP_ID = /^[^\u0000-\u001f\u007f]{1,200}$/;

const VIEW_PATHS: Record<View, string> = { overview: "/", model: "/models", compare: "/compare", vendors: "/vendors", app: "/apps" };

function needsSubject(view: View): boolean {
  return view === "model" || view === "app";
}

export function isValidSubject(view: View, subject: string | null): boolean {
  if (!needsSubject(view)) return subject === null;
  if (subject === null) return false;
  return view === "model" ? isModelRef(subject) : APP_ID.test(subject);
}

/** Path segments of a subject: a model id keeps its slashes, an app id is one segment. */
function subjectSegments(view: View, subject: string): string[] {
  return view === "model" ? subject.split("/").map(encodeURIComponent) : [encodeURIComponent(subject)];
}

function decode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** A page's subject from its path segments: each decoded (kept as is when malformed), joined by "/". */
export function subjectFromSegments(segments: string[]): string {
  return segments.map((s) => decode(s) ?? s).join("/");
}

/** The page of a view: "/", "/models/google/gemini-3-flash-preview", "/apps/kilo-code"… */
export function pagePath(view: View, subject: string | null): string {
  if (!needsSubject(view) || subject === null) return VIEW_PATHS[view];
  return `${VIEW_PATHS[view]}/${subjectSegments(view, subject).join("/")}`;
}

/** The state's query string against the view's own defaults ("" or "?a=b"). */
export function stateQuery(view: View, state: ViewState): string {
  const forView = view === "model" ? { ...state, models: [] } : state;
  const q = serializeViewState(forView, PAGE_DEFAULTS[view]).toString();
  return q ? `?${q}` : "";
}

/** The page URL (path and query) of a view in a state: what the address bar shows. */
export function pageHref(a: ViewAddress): string {
  return `${pagePath(a.view, a.subject)}${stateQuery(a.view, a.state)}`;
}

/** Path → view and subject; null for paths that are not a shareable page. */
export function parsePagePath(pathname: string): { view: View; subject: string | null } | null {
  const segments = pathname.split("/").filter(Boolean);
  if (!segments.length) return { view: "overview", subject: null };
  const [head, ...rest] = segments;
  const parts = rest.map(decode);
  if (parts.some((p) => p === null)) return null;
  const subject = (parts as string[]).join("/");
  const found = (view: View, s: string | null) => (isValidSubject(view, s) ? { view, subject: s } : null);
  if (head === "compare" && !rest.length) return { view: "compare", subject: null };
  if (head === "vendors" && !rest.length) return { view: "vendors", subject: null };
  if (head === "models" && rest.length) return found("model", subject);
  if (head === "apps" && rest.length === 1) return found("app", subject);
  return null;
}

/** A page URL → its address (the state parsed leniently, as the page itself does); null when not a page. */
export function parsePageUrl(url: URL): ViewAddress | null {
  const page = parsePagePath(url.pathname);
  if (!page) return null;
  return { ...page, state: parseViewState(url.searchParams, PAGE_DEFAULTS[page.view]).state };
}

/** `/s/<id>` → the permalink id, else null. */
export function parsePermalinkPath(pathname: string): string | null {
  const m = /^\/s\/([^/]+)\/?$/.exec(pathname);
  return m && PERMALINK_ID.test(m[1]) ? m[1] : null;
}

export function permalinkPath(id: string): string {
  return `/s/${id}`;
}

// ── Charts: embeds and images ─────────────────────────────────────────────────────────────────────────

export type ChartPrefix = "/embed" | "/api/image";

/** `/embed/compare/compare-usage?models=a,b`, `/embed/s/<id>/compare-usage`… */
function chartPath(prefix: ChartPrefix, t: ChartTarget): string {
  if (t.kind === "permalink") return `${prefix}/s/${t.id}${t.chart ? `/${t.chart}` : ""}`;
  const { view, subject } = t.address;
  const tail = needsSubject(view) && subject !== null ? `/${subjectSegments(view, subject).join("/")}` : "";
  return `${prefix}/${view}/${t.chart}${tail}`;
}

export interface ChartHrefOptions {
  theme?: Theme;
  format?: "png" | "svg";
  download?: boolean;
}

/** The chart's URL with the state (live) and the render parameters that differ from their defaults. */
export function chartHref(prefix: ChartPrefix, t: ChartTarget, opts: ChartHrefOptions = {}): string {
  const q = new URLSearchParams(t.kind === "live" ? stateQuery(t.address.view, t.address.state).slice(1) : "");
  if (opts.theme && opts.theme !== "auto") q.set("theme", opts.theme);
  if (opts.format && opts.format !== "png") q.set("format", opts.format);
  if (opts.download) q.set("download", "1");
  const s = q.toString();
  return `${chartPath(prefix, t)}${s ? `?${s}` : ""}`;
}

/** Path segments after the prefix (and the query) → the chart; null when they name no chart. */
export function parseChartPath(segments: string[], search: URLSearchParams): ChartTarget | null {
  const parts = segments.map(decode);
  if (parts.some((p) => p === null) || !parts.length) return null;
  const [head, second, ...rest] = parts as string[];
  if (head === "s") {
    if (!second || !PERMALINK_ID.test(second) || rest.length > 1) return null;
    const chart = rest[0] ?? null;
    if (chart !== null && !isChartId(chart)) return null;
    return { kind: "permalink", id: second, chart };
  }
  if (!isView(head) || !isChartId(second) || CHARTS[second].view !== head) return null;
  const subject = head === "model" ? rest.join("/") || null : head === "app" ? (rest.length === 1 ? rest[0] : undefined) : rest.length ? undefined : null;
  if (subject === undefined || !isValidSubject(head, subject)) return null;
  return { kind: "live", chart: second, address: { view: head, subject, state: parseViewState(search, PAGE_DEFAULTS[head]).state } };
}

/** The chart a page URL points at: `#<chart-id>` when it names one of the view's charts, else the default. */
export function chartOfFragment(view: View, hash: string): ChartId {
  const id = hash.replace(/^#/, "");
  return isChartId(id) && CHARTS[id].view === view ? id : DEFAULT_CHART[view];
}
