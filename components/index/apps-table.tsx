import Link from "next/link";
import { appHref } from "@/lib/domain/hrefs";
import { formatTokens } from "@/lib/format";
import { cleanText } from "@/lib/labels";
import { INDEX_HEAD_CLASS, IndexTable } from "./index-table";

export interface AppsTableRow {
  rank: number;
  sourceRank?: number | null;
  appId: string;
  appName: string;
  categories?: string[];
  tokens: string;
}

/** A leaderboard of apps, server-rendered: each app links to its page. */
export function AppsTable({ rows, caption, sourceRankLabel }: { rows: AppsTableRow[]; caption: string; sourceRankLabel?: string }) {
  const withCategories = rows.some((r) => r.categories !== undefined);
  return (
    <IndexTable caption={caption} minWidthClass="min-w-[22rem]">
      <thead className={INDEX_HEAD_CLASS}>
        <tr>
          <th scope="col" className="px-3 py-2 text-right font-medium">
            #
          </th>
          <th scope="col" className="px-3 py-2 font-medium">
            App
          </th>
          {sourceRankLabel && (
            <th scope="col" className="px-3 py-2 text-right font-medium">
              {sourceRankLabel}
            </th>
          )}
          {withCategories && (
            <th scope="col" className="hidden px-3 py-2 font-medium sm:table-cell">
              Categories
            </th>
          )}
          <th scope="col" className="px-3 py-2 text-right font-medium">
            Tokens
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
        {rows.map((r) => (
          <tr key={r.appId}>
            <td className="px-3 py-1.5 text-right tabular-nums text-slate-500 dark:text-slate-400">{r.rank}</td>
            <td className="px-3 py-1.5">
              {/* External strings: bounded and inert (lib/labels.ts). */}
              <Link href={appHref(r.appId)} className="font-medium text-indigo-700 hover:underline dark:text-indigo-300">
                {cleanText(r.appName)}
              </Link>
            </td>
            {sourceRankLabel && <td className="px-3 py-1.5 text-right tabular-nums">{r.sourceRank ?? "—"}</td>}
            {withCategories && <td className="hidden px-3 py-1.5 text-slate-600 sm:table-cell dark:text-slate-400">{cleanText((r.categories ?? []).join(", ")) || "—"}</td>}
            <td className="px-3 py-1.5 text-right tabular-nums">{formatTokens(r.tokens)}</td>
          </tr>
        ))}
      </tbody>
    </IndexTable>
  );
}
