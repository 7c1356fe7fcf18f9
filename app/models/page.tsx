import { FIELD, FilterForm, LABEL } from "@/components/index/filter-form";
import { ModelsTable } from "@/components/index/models-table";
import { RangeControl } from "@/components/controls/range-control";
import { SampleDataBadge } from "@/components/sample-data-badge";
import { vendorName } from "@/lib/domain/vendors";
import { formatContext, formatDay } from "@/lib/format";
import {
  CONTEXT_MINIMUMS,
  defaultDir,
  modelsIndexHref,
  modelsIndexRows,
  parseModelsIndexQuery,
  type SortKey,
} from "@/lib/pages/models-index";
import { listModels } from "@/lib/queries/models";
import { getDb } from "@/lib/server/db";
import type { PageSearchParams } from "@/lib/ui/server-data";
import { ViewDefaults } from "@/lib/ui/view-defaults";
import { getDataBounds } from "@/lib/view/range";
import { parseViewState } from "@/lib/view/state";

export const dynamic = "force-dynamic";
export const metadata = { title: "Models", description: "Every model with its vendor, launch, context window, prices, free variant and tokens in the range." };

export default async function ModelsIndexPage({ searchParams }: { searchParams: PageSearchParams }) {
  const params = await searchParams;
  const q = parseModelsIndexQuery(params);
  const { state } = parseViewState(params, {});
  const db = await getDb();
  const [list, bounds] = await Promise.all([listModels(db, { ...state, authors: [], variant: "all" }), getDataBounds(db)]);
  const rows = modelsIndexRows(list.models, q);
  const authors = [...new Set(list.models.map((m) => m.author))].sort((a, b) => vendorName(a).localeCompare(vendorName(b)));
  const range = { from: state.from, to: state.to };
  const sortHref = (key: SortKey) => modelsIndexHref({ ...q, sort: key, dir: q.sort === key ? (q.dir === "asc" ? "desc" : "asc") : defaultDir(key) }, range);
  const caption = `Models, ${rows.length} of ${list.models.length}; tokens from ${formatDay(list.from)} to ${formatDay(list.to)}`;
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Models</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          Every model the sources list, with its vendor, launch, context window, list prices per million tokens and tokens from {formatDay(list.from)} to{" "}
          {formatDay(list.to)}. Select a column heading to sort by it.
        </p>
      </div>
      <ViewDefaults defaults={{}} navigation="server">
        <div className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
          <RangeControl resolved={{ from: list.from, to: list.to, newestDay: bounds.newestDay }} oldestDay={bounds.oldestDay} />
        </div>
      </ViewDefaults>
      <FilterForm label="Filter models" action="/models" keep={{ from: state.from, to: state.to, sort: q.sort === "tokens" ? null : q.sort, dir: q.dir === defaultDir(q.sort) ? null : q.dir }}>
        <div>
          <label htmlFor="models-q" className={LABEL}>
            Search
          </label>
          <input id="models-q" name="q" type="search" defaultValue={q.q} placeholder="e.g. sonnet 3.7" className={`${FIELD} w-56`} />
        </div>
        <div>
          <label htmlFor="models-author" className={LABEL}>
            Vendor
          </label>
          <select id="models-author" name="author" defaultValue={q.author ?? ""} className={FIELD}>
            <option value="">All vendors</option>
            {authors.map((a) => (
              <option key={a} value={a}>
                {vendorName(a)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="models-price" className={LABEL}>
            Free or paid
          </label>
          <select id="models-price" name="price" defaultValue={q.price} className={FIELD}>
            <option value="all">All</option>
            <option value="free">Free variants</option>
            <option value="paid">Paid</option>
          </select>
        </div>
        <div>
          <label htmlFor="models-context" className={LABEL}>
            Context at least
          </label>
          <select id="models-context" name="context" defaultValue={q.minContext === null ? "" : String(q.minContext)} className={FIELD}>
            <option value="">Any</option>
            {CONTEXT_MINIMUMS.map((c) => (
              <option key={c} value={c}>
                {formatContext(c)}
              </option>
            ))}
          </select>
        </div>
      </FilterForm>
      {list.provenance.sample && <SampleDataBadge />}
      <p aria-live="polite" className="text-sm text-slate-700 dark:text-slate-300">
        {rows.length === list.models.length ? `${rows.length} models.` : `${rows.length} of ${list.models.length} models match.`}
        {rows.length === 0 && " Try fewer words, another vendor or “All” for free or paid."}
      </p>
      {rows.length > 0 && <ModelsTable rows={rows} caption={caption} sort={{ key: q.sort, dir: q.dir }} sortHref={sortHref} />}
      {list.provenance.citations.length > 0 && <p className="text-xs text-slate-500 dark:text-slate-400">{list.provenance.citations.join(" ")}</p>}
    </div>
  );
}
