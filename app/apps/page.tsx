import Link from "next/link";
import { AppsTable } from "@/components/index/apps-table";
import { RangeControl } from "@/components/controls/range-control";
import { SampleDataBadge } from "@/components/sample-data-badge";
import { appsCoverageNote, topAppsTitle } from "@/lib/figures/apps";
import { cleanText } from "@/lib/labels";
import { getAppLeaderboard } from "@/lib/queries/app-leaderboard";
import { CATEGORY_RE } from "@/lib/domain/categories";
import { getDb } from "@/lib/server/db";
import type { PageSearchParams } from "@/lib/ui/server-data";
import { ViewDefaults } from "@/lib/ui/view-defaults";
import { getDataBounds } from "@/lib/view/range";
import { parseViewState } from "@/lib/view/state";

export const dynamic = "force-dynamic";
export const metadata = { title: "Apps", description: "The apps that use the most tokens, over a range or by category." };

function categoryHref(category: string | null, range: { from: string | null; to: string | null }): string {
  const p = new URLSearchParams();
  if (category) p.set("category", category);
  if (range.from) p.set("from", range.from);
  if (range.to) p.set("to", range.to);
  const s = p.toString();
  return s ? `/apps?${s}` : "/apps";
}

export default async function AppsPage({ searchParams }: { searchParams: PageSearchParams }) {
  const params = await searchParams;
  const raw = typeof params.category === "string" ? params.category : "";
  const { state } = parseViewState(params, {});
  const db = await getDb();
  const [board, bounds] = await Promise.all([getAppLeaderboard(db, state, CATEGORY_RE.test(raw) ? raw : null), getDataBounds(db)]);
  const category = board.category;
  const title = `${topAppsTitle(board)}${category ? `, ${cleanText(category)}` : ""}`;
  const note = appsCoverageNote(board);
  const range = { from: state.from, to: state.to };
  const pill = (on: boolean) =>
    `rounded-full border px-3 py-1 text-xs font-medium ${
      on
        ? "border-indigo-600 bg-indigo-600 text-white dark:border-indigo-400 dark:bg-indigo-400 dark:text-slate-950"
        : "border-slate-300 bg-white text-slate-700 hover:bg-slate-100 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-200 dark:hover:bg-slate-800"
    }`;
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Apps</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          The apps that send the most tokens, over the range or in one of the categories the sources give. Select an app for its model mix over time.
        </p>
      </div>
      <ViewDefaults defaults={{}} navigation="server">
        <div className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
          <RangeControl resolved={{ from: board.from, to: board.to, newestDay: bounds.newestDay }} oldestDay={bounds.oldestDay} />
        </div>
      </ViewDefaults>
      {board.categories.length > 0 && (
        <nav aria-label="Categories">
          <ul className="flex flex-wrap gap-2">
            <li>
              <Link href={categoryHref(null, range)} aria-current={category ? undefined : "page"} className={pill(!category)}>
                All apps
              </Link>
            </li>
            {board.categories.map((c) => (
              <li key={c}>
                <Link href={categoryHref(c, range)} aria-current={c === category ? "page" : undefined} className={pill(c === category)}>
                  {cleanText(c)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {board.provenance.sample && <SampleDataBadge />}
      <section aria-labelledby="apps-title" className="space-y-2">
        <h2 id="apps-title" className="text-lg font-semibold">
          {title}
        </h2>
        {note && <p className="text-sm text-amber-800 dark:text-amber-200">{note}</p>}
        {board.rows.length ? (
          <AppsTable rows={board.rows} caption={title} sourceRankLabel={board.rows.some((r) => r.sourceRank !== null) ? "Rank in category" : undefined} />
        ) : (
          <p className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-sm dark:border-slate-700">
            No app usage {category ? `in ${cleanText(category)} ` : ""}for this range. Try a wider range or another category.
          </p>
        )}
        {board.provenance.citations.length > 0 && <p className="text-xs text-slate-500 dark:text-slate-400">{board.provenance.citations.join(" ")}</p>}
      </section>
    </div>
  );
}
