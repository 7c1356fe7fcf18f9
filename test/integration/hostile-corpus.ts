/**
 * Hostile snapshots in every format, each of which ingest must refuse with a located 4xx and no change
 * (test/integration/hostile-ingest.test.ts). Each case is a valid base snapshot (BASES, accepted first)
 * with one thing made hostile, so a case that is accepted shows up as a changed database. The families
 * come from issue 11: dates out of range, sums past bigint, absurd prices, NUL and lone surrogates, huge
 * ids and names, duplicate keys, unknown apps, invalid UTF-8, future rows, non-integer app ids, huge
 * error answers, malformed JSON without a place.
 */

export interface HostileCase {
  name: string;
  body: string | Uint8Array;
  /** Query string of the POST (e.g. "?asOf=…"). */
  query?: string;
}

type Json = Record<string, unknown>;
type Row = Record<string, unknown>;

const AS_OF = "2026-01-06T00:00:00Z";

export const models = (): Json => ({
  data: [
    { id: "acme/x", canonical_slug: "acme/x-20260101", name: "Acme X", created: 1767225600, context_length: 1000, pricing: { prompt: "0.000001", completion: "0.000002" } },
  ],
});
export const rankings = (): Json => ({
  data: [
    { date: "2026-01-05", model_permaslug: "acme/x-20260101", total_tokens: "100" },
    { date: "2026-01-05", model_permaslug: "other", total_tokens: "10" },
  ],
  meta: { as_of: AS_OF, start_date: "2026-01-05", end_date: "2026-01-05", version: "v1" },
});
export const appRankings = (): Json => ({
  data: [{ rank: 1, app_id: 42, app_name: "Cline", total_tokens: "1000", total_requests: 5 }],
  meta: { as_of: AS_OF, start_date: "2025-10-08", end_date: "2026-01-05" },
});
export const modelshare = (): Json => ({
  format: "modelshare.snapshot/v1",
  source: "acme-gateway",
  capturedAt: AS_OF,
  citation: "Source: Acme, as of {as_of}.",
  models: [{ id: "acme/y", name: "Acme Y", launchDate: "2026-01-01", contextLength: 8000, pricing: { inputPerM: "1", outputPerM: "2" } }],
  modelUsage: [{ date: "2026-01-05", model: "acme/y", totalTokens: "500", promptTokens: "400", completionTokens: "100" }],
  apps: [{ id: "lemonade", name: "Lemonade", url: "https://lemonade.example", categories: ["coding"] }],
  appUsage: [{ app: "lemonade", model: "acme/y", period: "2026-01", totalTokens: "300" }],
});

const CATALOGUE_HEADER =
  "model_id,permaslug,variant,name,created,context_length,modality,tokenizer,listed_input_usd_per_mtok,listed_output_usd_per_mtok,listed_cache_read_usd_per_mtok";
const TOP_APPS_HEADER = "model_id,permaslug,variant,rank,app_id,app_title,app_slug,app_origin_url,app_categories,total_tokens,total_requests";
export const catalogueCsv = (cells: Partial<Record<string, string>> = {}) =>
  csv(CATALOGUE_HEADER, { model_id: "acme/z", permaslug: "acme/z-20260101", variant: "standard", name: "Acme Z", created: "1767225600", context_length: "1000", modality: "text->text", tokenizer: "Other", listed_input_usd_per_mtok: "0.5", listed_output_usd_per_mtok: "1.5", listed_cache_read_usd_per_mtok: "", ...cells });
export const topAppsCsv = (cells: Partial<Record<string, string>> = {}) =>
  csv(TOP_APPS_HEADER, { model_id: "acme/z", permaslug: "acme/z-20260101", variant: "standard", rank: "1", app_id: "777", app_title: "Kilo", app_slug: "kilo", app_origin_url: "https://kilo.example", app_categories: "coding|cli-agent", total_tokens: "900", total_requests: "3", ...cells });
const META = `# source: hand\r\n# capturedAt: ${AS_OF}\r\n`;
export const usageCsv = (cells: Partial<Record<string, string>> = {}, meta = META) =>
  meta + csv("date,model,total_tokens,prompt_tokens", { date: "2026-01-04", model: "acme/y", total_tokens: "70", prompt_tokens: "50", ...cells });
export const appUsageCsv = (cells: Partial<Record<string, string>> = {}) =>
  META + csv("period,app_id,app_name,model,total_tokens", { period: "2026-01-04", app_id: "lemonade", app_name: "Lemonade", model: "acme/y", total_tokens: "40", ...cells });

function csv(header: string, cells: Record<string, string | undefined>): string {
  const names = header.split(",");
  return `${header}\r\n${names.map((n) => cells[n] ?? "").join(",")}\r\n`;
}

/** The valid snapshots every case is a variation of (ingested first: they must be accepted). */
export const BASES: { name: string; body: string; query?: string }[] = [
  { name: "models catalogue", body: JSON.stringify(models()), query: "?asOf=2026-01-06" },
  { name: "rankings-daily", body: JSON.stringify(rankings()) },
  { name: "app-rankings", body: JSON.stringify(appRankings()) },
  { name: "modelshare JSON", body: JSON.stringify(modelshare()) },
  { name: "tracker catalogue", body: catalogueCsv(), query: "?asOf=2026-01-06" },
  { name: "tracker top apps", body: topAppsCsv(), query: "?asOf=2026-01-06" },
  { name: "modelshare CSV usage", body: usageCsv() },
  { name: "modelshare CSV apps", body: appUsageCsv() },
];

/** A JSON base with one change made to a copy. */
function edit(base: () => Json, change: (o: Json) => void): string {
  const o = base();
  change(o);
  return JSON.stringify(o);
}
const row = (o: Json, key = "data", i = 0) => (o[key] as Row[])[i];
const utf8 = (s: string) => new TextEncoder().encode(s);
/** `text` as UTF-8 with raw bytes spliced in where `marker` was. */
function withBytes(text: string, marker: string, bytes: number[]): Uint8Array {
  const [a, b] = text.split(marker);
  return new Uint8Array([...utf8(a), ...bytes, ...utf8(b)]);
}

const KB100 = "a".repeat(100_000);
const HUGE_NAME = "N".repeat(1_000_000);
const LONG_NAME = "n".repeat(201);
const BIG = "9000000000000000000";
const YEAR0 = "0000-01-01";

const jsonCases: HostileCase[] = [
  // ---- dates out of range
  { name: "rankings row in year 0000", body: edit(rankings, (o) => (row(o).date = YEAR0)) },
  { name: "rankings as_of in year 0000", body: edit(rankings, (o) => ((o.meta as Row).as_of = `${YEAR0}T00:00:00Z`)) },
  { name: "modelshare usage row in year 0000", body: edit(modelshare, (o) => (row(o, "modelUsage").date = YEAR0)) },
  { name: "modelshare capturedAt in year 0000", body: edit(modelshare, (o) => (o.capturedAt = `${YEAR0}T00:00:00Z`)) },
  { name: "modelshare capturedAt as day 0000", body: edit(modelshare, (o) => (o.capturedAt = YEAR0)) },
  { name: "modelshare launchDate in year 0000", body: edit(modelshare, (o) => (row(o, "models").launchDate = YEAR0)) },
  { name: "modelshare app period month 0000-01", body: edit(modelshare, (o) => (row(o, "appUsage").period = "0000-01")) },
  { name: "modelshare app window from 0000", body: edit(modelshare, (o) => (row(o, "appUsage").period = { from: YEAR0, to: "2026-01-01" })) },
  { name: "app-rankings start_date 0000", body: edit(appRankings, (o) => ((o.meta as Row).start_date = YEAR0)) },
  { name: "catalogue ?asOf=0000-01-01", body: JSON.stringify(models()), query: `?asOf=${YEAR0}` },
  { name: "catalogue ?asOf=0000-01-01T00:00:00Z", body: JSON.stringify(models()), query: `?asOf=${YEAR0}T00:00:00Z` },
  { name: "catalogue ?asOf 8 KB long", body: JSON.stringify(models()), query: `?asOf=${"9".repeat(8192)}` },
  { name: "catalogue ?asOf in the future", body: JSON.stringify(models()), query: "?asOf=9999-12-31" },
  // ---- sums past bigint
  {
    name: "rankings: two rows of 9e18 for one model in one month",
    body: edit(rankings, (o) => {
      o.data = [
        { date: "2026-01-04", model_permaslug: "acme/x-20260101", total_tokens: BIG },
        { date: "2026-01-05", model_permaslug: "acme/x-20260101", total_tokens: BIG },
      ];
    }),
  },
  {
    name: "modelshare: two rows of 9e18 for one model in one month",
    body: edit(modelshare, (o) => {
      o.modelUsage = ["2026-01-04", "2026-01-05"].map((date) => ({ date, model: "acme/y", totalTokens: BIG }));
    }),
  },
  { name: "rankings total above bigint", body: edit(rankings, (o) => (row(o).total_tokens = "9223372036854775808")) },
  { name: "rankings total as unsafe number", body: edit(rankings, (o) => (row(o).total_tokens = 2 ** 60)) },
  // ---- prices
  { name: "catalogue price \"1e2000\"", body: edit(models, (o) => ((row(o).pricing as Row).prompt = "1e2000")) },
  { name: "catalogue price \"1e-2000\"", body: edit(models, (o) => ((row(o).pricing as Row).prompt = "1e-2000")) },
  { name: "catalogue price 1e25", body: edit(models, (o) => ((row(o).pricing as Row).completion = 1e25)) },
  { name: "catalogue price 1e400", body: JSON.stringify(models()).replace('"0.000002"', "1e400") },
  { name: "catalogue price \"1e400\"", body: edit(models, (o) => ((row(o).pricing as Row).completion = "1e400")) },
  { name: "catalogue price \"abc\"", body: edit(models, (o) => ((row(o).pricing as Row).prompt = "abc")) },
  { name: "modelshare price \"1e2000\"", body: edit(modelshare, (o) => ((row(o, "models").pricing as Row).inputPerM = "1e2000")) },
  { name: "modelshare price 1e25", body: edit(modelshare, (o) => ((row(o, "models").pricing as Row).inputPerM = 1e25)) },
  { name: "modelshare price 1e400", body: JSON.stringify(modelshare()).replace('"inputPerM":"1"', '"inputPerM":1e400') },
  { name: "modelshare price negative", body: edit(modelshare, (o) => ((row(o, "models").pricing as Row).outputPerM = "-2")) },
  // ---- NUL and lone surrogates as JSON escapes, in any string
  { name: "catalogue name with \\u0000", body: JSON.stringify(models()).replace('"Acme X"', '"Acme\\u0000X"') },
  { name: "catalogue ignored field with \\u0000", body: JSON.stringify(models()).replace('"name"', '"description":"a\\u0000b","name"') },
  { name: "rankings permaslug with \\u0000", body: JSON.stringify(rankings()).replace('"acme/x-20260101"', '"acme/x\\u0000"') },
  { name: "app-rankings app name with \\u0000", body: JSON.stringify(appRankings()).replace('"Cline"', '"Cl\\u0000ine"') },
  { name: "modelshare source with \\u0000", body: JSON.stringify(modelshare()).replace('"acme-gateway"', '"acme\\u0000"') },
  { name: "modelshare citation with \\u0000", body: JSON.stringify(modelshare()).replace('"Source: Acme, as of {as_of}."', '"Source\\u0000"') },
  { name: "modelshare app name with \\u0000", body: JSON.stringify(modelshare()).replace('"Lemonade"', '"Lemon\\u0000ade"') },
  { name: "modelshare model name with \\u0000", body: JSON.stringify(modelshare()).replace('"Acme Y"', '"Acme\\u0000Y"') },
  { name: "catalogue name with lone \\ud800", body: JSON.stringify(models()).replace('"Acme X"', '"Acme \\ud800"') },
  { name: "catalogue name with lone \\udfff", body: JSON.stringify(models()).replace('"Acme X"', '"\\udfffAcme"') },
  { name: "app-rankings name with \\ud800 then text", body: JSON.stringify(appRankings()).replace('"Cline"', '"\\ud800Cline"') },
  { name: "modelshare app name with lone \\ud800", body: JSON.stringify(modelshare()).replace('"Lemonade"', '"Lemonade\\ud800"') },
  { name: "modelshare source with lone \\udc00", body: JSON.stringify(modelshare()).replace('"acme-gateway"', '"\\udc00"') },
  // ---- control characters (not escapes that cannot be stored, but invisible)
  { name: "catalogue name with \\u0001", body: JSON.stringify(models()).replace('"Acme X"', '"Acme\\u0001X"') },
  { name: "modelshare app name with DEL", body: edit(modelshare, (o) => (row(o, "apps").name = "Lemon\u007fade")) },
  { name: "modelshare app name with a newline", body: edit(modelshare, (o) => (row(o, "apps").name = "Lemon\nade")) },
  // ---- huge ids and names
  { name: "rankings 100 KB permaslug", body: edit(rankings, (o) => (row(o).model_permaslug = `acme/${KB100}`)) },
  { name: "catalogue 100 KB id", body: edit(models, (o) => (row(o).id = `acme/${KB100}`)) },
  { name: "catalogue 100 KB canonical_slug", body: edit(models, (o) => (row(o).canonical_slug = `acme/${KB100}`)) },
  { name: "catalogue 1 MB name", body: edit(models, (o) => (row(o).name = HUGE_NAME)) },
  { name: "catalogue 201-character name", body: edit(models, (o) => (row(o).name = LONG_NAME)) },
  { name: "app-rankings 1 MB app name", body: edit(appRankings, (o) => (row(o).app_name = HUGE_NAME)) },
  { name: "modelshare 100 KB model id", body: edit(modelshare, (o) => (row(o, "models").id = `acme/${KB100}`)) },
  { name: "modelshare 100 KB permaslug", body: edit(modelshare, (o) => (row(o, "models").permaslug = `acme/${KB100}`)) },
  { name: "modelshare 100 KB usage model ref", body: edit(modelshare, (o) => (row(o, "modelUsage").model = `acme/${KB100}`)) },
  { name: "modelshare 100 KB app id", body: edit(modelshare, (o) => (row(o, "apps").id = KB100)) },
  { name: "modelshare 1 MB app name", body: edit(modelshare, (o) => (row(o, "apps").name = HUGE_NAME)) },
  { name: "modelshare 201-character model name", body: edit(modelshare, (o) => (row(o, "models").name = LONG_NAME)) },
  { name: "modelshare 3 KB URL", body: edit(modelshare, (o) => (row(o, "apps").url = `https://x.example/${"u".repeat(3000)}`)) },
  { name: "modelshare javascript: URL", body: edit(modelshare, (o) => (row(o, "apps").url = "javascript:alert(1)")) },
  { name: "modelshare 21 categories", body: edit(modelshare, (o) => (row(o, "apps").categories = Array.from({ length: 21 }, (_, i) => `c${i}`))) },
  { name: "modelshare 51-character category", body: edit(modelshare, (o) => (row(o, "apps").categories = ["c".repeat(51)])) },
  { name: "modelshare 201-character source", body: edit(modelshare, (o) => (o.source = "s".repeat(201))) },
  // ---- duplicate keys
  { name: "modelshare duplicate totalTokens", body: JSON.stringify(modelshare()).replace('"totalTokens":"500"', '"totalTokens":"5","totalTokens":"7"') },
  { name: "modelshare duplicate source", body: JSON.stringify(modelshare()).replace('"source":"acme-gateway"', '"source":"a","source":"b"') },
  { name: "rankings duplicate total_tokens", body: JSON.stringify(rankings()).replace('"total_tokens":"100"', '"total_tokens":"1","total_tokens":"100"') },
  { name: "rankings duplicate meta", body: JSON.stringify(rankings()).replace('"meta":', '"meta":{"as_of":"2026-01-01T00:00:00Z"},"meta":') },
  { name: "app-rankings duplicate app_id", body: JSON.stringify(appRankings()).replace('"app_id":42', '"app_id":42,"app_id":43') },
  { name: "catalogue duplicate pricing key", body: JSON.stringify(models()).replace('"prompt":"0.000001"', '"prompt":"0.000001","prompt":"0"') },
  { name: "catalogue duplicate escaped key", body: JSON.stringify(models()).replace('"name":"Acme X"', '"name":"Acme X","n\\u0061me":"Other"') },
  // ---- unknown references, future rows, non-integer app ids
  { name: "modelshare appUsage names an unknown app", body: edit(modelshare, (o) => (row(o, "appUsage").app = "nobody-declared-me")) },
  { name: "modelshare usage names an unknown model", body: edit(modelshare, (o) => (row(o, "modelUsage").model = "acme/unknown")) },
  { name: "rankings row dated after as_of", body: edit(rankings, (o) => (row(o).date = "2026-01-07")) },
  { name: "app-rankings app_id \"abc\"", body: edit(appRankings, (o) => (row(o).app_id = "abc")) },
  { name: "app-rankings app_id 1.5", body: edit(appRankings, (o) => (row(o).app_id = 1.5)) },
  { name: "app-rankings app_id \"42\"", body: edit(appRankings, (o) => (row(o).app_id = "42")) },
  { name: "app-rankings app_id -1", body: edit(appRankings, (o) => (row(o).app_id = -1)) },
  { name: "app-rankings app_id 1e300", body: edit(appRankings, (o) => (row(o).app_id = 1e300)) },
  // ---- malformed JSON (always with a line and column), nesting
  { name: "JSON trailing comma", body: '{"data": [1,]}' },
  { name: "JSON unquoted key", body: '{"data": [{a: 1}]}' },
  { name: "JSON truncated", body: JSON.stringify(rankings()).slice(0, 60) },
  { name: "JSON text after the value", body: `${JSON.stringify(rankings())} x` },
  { name: "JSON bad escape", body: JSON.stringify(rankings()).replace('"other"', '"oth\\qer"') },
  { name: "JSON nested 10,000 deep", body: `${"[".repeat(10_000)}${"]".repeat(10_000)}` },
  { name: "JSON object nested 40 deep", body: `{"data":[${'{"a":'.repeat(40)}1${"}".repeat(40)}]}` },
];

const csvCases: HostileCase[] = [
  { name: "catalogue CSV price 1e25", body: catalogueCsv({ listed_input_usd_per_mtok: "1e25" }), query: "?asOf=2026-01-06" },
  { name: "catalogue CSV price 1e400", body: catalogueCsv({ listed_output_usd_per_mtok: "1e400" }), query: "?asOf=2026-01-06" },
  { name: "catalogue CSV price 1e2000", body: catalogueCsv({ listed_output_usd_per_mtok: "1e2000" }), query: "?asOf=2026-01-06" },
  { name: "catalogue CSV price -1e400", body: catalogueCsv({ listed_output_usd_per_mtok: "-1e400" }), query: "?asOf=2026-01-06" },
  { name: "catalogue CSV 100 KB model id", body: catalogueCsv({ model_id: `acme/${KB100}` }), query: "?asOf=2026-01-06" },
  { name: "catalogue CSV 100 KB permaslug", body: catalogueCsv({ permaslug: `acme/${KB100}` }), query: "?asOf=2026-01-06" },
  { name: "catalogue CSV 1 MB name", body: catalogueCsv({ name: HUGE_NAME }), query: "?asOf=2026-01-06" },
  { name: "catalogue CSV 201-character name", body: catalogueCsv({ name: LONG_NAME }), query: "?asOf=2026-01-06" },
  { name: "catalogue CSV name with a control byte", body: catalogueCsv({ name: "Acme\u0007Z" }), query: "?asOf=2026-01-06" },
  { name: "catalogue CSV name with NUL", body: catalogueCsv({ name: "Acme\u0000Z" }), query: "?asOf=2026-01-06" },
  { name: "catalogue CSV created in year 10000", body: catalogueCsv({ created: "253402300800" }), query: "?asOf=2026-01-06" },
  { name: "catalogue CSV ?asOf 0000", body: catalogueCsv(), query: `?asOf=${YEAR0}` },
  { name: "catalogue CSV invalid UTF-8 in a name", body: withBytes(catalogueCsv({ name: "Acme @@" }), "@@", [0xff, 0xfe]) },
  { name: "catalogue CSV 100,000-column header", body: `model_id,permaslug,${Array.from({ length: 100_000 }, (_, i) => `c${i}`).join(",")}\r\n` },
  { name: "top apps CSV 100 KB app id", body: topAppsCsv({ app_id: KB100 }), query: "?asOf=2026-01-06" },
  { name: "top apps CSV 1 MB app title", body: topAppsCsv({ app_title: HUGE_NAME }), query: "?asOf=2026-01-06" },
  { name: "top apps CSV 100 KB permaslug", body: topAppsCsv({ permaslug: `acme/${KB100}` }), query: "?asOf=2026-01-06" },
  { name: "top apps CSV 3 KB URL", body: topAppsCsv({ app_origin_url: `https://k.example/${"u".repeat(3000)}` }), query: "?asOf=2026-01-06" },
  { name: "top apps CSV javascript: URL", body: topAppsCsv({ app_origin_url: "javascript:alert(1)" }), query: "?asOf=2026-01-06" },
  { name: "top apps CSV 21 categories", body: topAppsCsv({ app_categories: Array.from({ length: 21 }, (_, i) => `c${i}`).join("|") }), query: "?asOf=2026-01-06" },
  { name: "top apps CSV 51-character category", body: topAppsCsv({ app_categories: "c".repeat(51) }), query: "?asOf=2026-01-06" },
  { name: "top apps CSV 100 KB slug", body: topAppsCsv({ app_slug: KB100 }), query: "?asOf=2026-01-06" },
  { name: "top apps CSV title with a control byte", body: topAppsCsv({ app_title: "Ki\u0001lo" }), query: "?asOf=2026-01-06" },
  { name: "top apps CSV invalid UTF-8 (CESU surrogate)", body: withBytes(topAppsCsv({ app_title: "Kilo@@" }), "@@", [0xed, 0xa0, 0x80]), query: "?asOf=2026-01-06" },
  { name: "top apps CSV ?asOf 0000", body: topAppsCsv(), query: `?asOf=${YEAR0}` },
  { name: "top apps CSV rank 1.5", body: topAppsCsv({ rank: "1.5" }), query: "?asOf=2026-01-06" },
  { name: "modelshare CSV row in year 0000", body: usageCsv({ date: YEAR0 }) },
  { name: "modelshare CSV capturedAt 0000", body: usageCsv({}, `# capturedAt: ${YEAR0}T00:00:00Z\r\n`) },
  { name: "modelshare CSV two rows of 9e18 in a month", body: `${usageCsv({ total_tokens: BIG, prompt_tokens: "" })}2026-01-05,acme/y,${BIG},\r\n` },
  { name: "modelshare CSV 100 KB model", body: usageCsv({ model: `acme/${KB100}` }) },
  { name: "modelshare CSV 201-character source", body: usageCsv({}, `# source: ${"s".repeat(201)}\r\n# capturedAt: ${AS_OF}\r\n`) },
  { name: "modelshare CSV citation with a control byte", body: usageCsv({}, `${META}# citation: Source\u0001\r\n`) },
  { name: "modelshare CSV invalid UTF-8 in the source", body: withBytes(usageCsv({}, `# source: hand@@\r\n# capturedAt: ${AS_OF}\r\n`), "@@", [0xc3, 0x28]) },
  { name: "modelshare CSV overlong UTF-8", body: withBytes(usageCsv({ model: "acme/@@" }), "@@", [0xc0, 0xaf]) },
  { name: "modelshare CSV app usage 100 KB app id", body: appUsageCsv({ app_id: KB100 }) },
  { name: "modelshare CSV app usage 1 MB app name", body: appUsageCsv({ app_name: HUGE_NAME }) },
  { name: "modelshare CSV app usage month 0000-01", body: appUsageCsv({ period: "0000-01" }) },
  { name: "modelshare CSV app name with NUL", body: appUsageCsv({ app_name: "Lemon\u0000ade" }) },
  { name: "modelshare CSV app usage, unknown model", body: appUsageCsv({ model: "acme/unknown" }) },
  { name: "modelshare CSV 100,000-column header", body: `${META}date,model,total_tokens,${Array.from({ length: 100_000 }, (_, i) => `x${i}`).join(",")}\r\n` },
  { name: "invalid UTF-8 in a JSON name", body: withBytes(JSON.stringify(models()).replace("Acme X", "Acme @@"), "@@", [0x80]), query: "?asOf=2026-01-06" },
  { name: "invalid UTF-8: truncated sequence at the end", body: withBytes(`${JSON.stringify(rankings())}@@`, "@@", [0xe2, 0x82]) },
  { name: "UTF-8 beyond U+10FFFF", body: withBytes(JSON.stringify(appRankings()).replace("Cline", "@@"), "@@", [0xf4, 0x90, 0x80, 0x80]) },
];

export const HOSTILE: HostileCase[] = [...jsonCases, ...csvCases];
