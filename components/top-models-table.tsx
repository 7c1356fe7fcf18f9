import type { TopModels } from "@/lib/queries/top-models";
import { formatChange, formatDay, formatExact, formatPercent, formatTokens } from "@/lib/format";

export function TopModelsTable({ top }: { top: TopModels }) {
  if (!top.models.length) {
    return (
      <section aria-labelledby="top-heading" className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
        <h2 id="top-heading" className="text-base font-semibold">Top models</h2>
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">No usage stored yet. Ingest a snapshot with <code>POST /api/ingest</code> or <code>npm run ingest -- file.json</code>.</p>
      </section>
    );
  }
  const leader = top.models[0];
  const max = Number(leader.tokens);
  const summary = `${leader.name ?? leader.publicId} led the 7 days ${formatDay(top.from!)} to ${formatDay(top.to!)} with ${formatTokens(leader.tokens)} tokens, ${formatPercent(leader.share)} of all ${formatTokens(top.totalTokens)} tokens.`;
  return (
    <section aria-labelledby="top-heading" className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
      <h2 id="top-heading" className="text-base font-semibold">
        Top models, {formatDay(top.from!)} – {formatDay(top.to!)}
      </h2>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{summary}</p>
      <div className="mt-3 overflow-x-auto">
        <table className="w-full min-w-[34rem] text-left text-sm">
          <caption className="sr-only">Top models by tokens over the latest 7 days</caption>
          <thead className="text-slate-500 dark:text-slate-400">
            <tr>
              <th scope="col" className="py-1 pr-3 font-medium">#</th>
              <th scope="col" className="py-1 pr-3 font-medium">Model</th>
              <th scope="col" className="py-1 pr-3 font-medium">Author</th>
              <th scope="col" className="py-1 pr-3 text-right font-medium">Tokens</th>
              <th scope="col" className="py-1 pr-3 text-right font-medium">Share</th>
              <th scope="col" className="py-1 pr-3 text-right font-medium">vs prior 7 days</th>
            </tr>
          </thead>
          <tbody>
            {top.models.map((m, i) => (
              <tr key={m.modelId} className="border-t border-slate-100 dark:border-slate-800">
                <td className="py-1.5 pr-3 tabular-nums text-slate-500">{i + 1}</td>
                <td className="py-1.5 pr-3">
                  <div className="font-medium">{m.name ?? m.publicId}</div>
                  <div className="text-xs text-slate-500 dark:text-slate-400">{m.publicId}</div>
                  <div aria-hidden="true" className="mt-1 h-1.5 rounded bg-indigo-500 dark:bg-indigo-400" style={{ width: `${Math.max(2, (Number(m.tokens) / max) * 100)}%` }} />
                </td>
                <td className="py-1.5 pr-3">{m.author}</td>
                <td className="py-1.5 pr-3 text-right tabular-nums" title={`${formatExact(m.tokens)} tokens`}>{formatTokens(m.tokens)}</td>
                <td className="py-1.5 pr-3 text-right tabular-nums">{formatPercent(m.share)}</td>
                <td className="py-1.5 pr-3 text-right tabular-nums">{formatChange(m.tokens, m.previousTokens) ?? "new"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
