import type { ModelDetailResult } from "@/lib/queries/types";
import { formatContext, formatDay, formatPricePerM, formatTokens } from "@/lib/format";
import { SourceLine } from "@/components/frame/source-line";
import { vendorName } from "@/lib/domain/vendors";

/** The model's catalogue facts and its variants. */
export function ModelSpecs({ detail }: { detail: ModelDetailResult }) {
  const m = detail.model;
  const facts: [string, string][] = [
    ["Vendor", vendorName(m.author)],
    ["Launched", m.launchDate ? formatDay(m.launchDate) : "—"],
    ["Context", formatContext(m.contextLength)],
    ["Input", m.free ? "free" : formatPricePerM(m.inputPerM, m.priceListed !== false)],
    ["Output", m.free ? "free" : formatPricePerM(m.outputPerM, m.priceListed !== false)],
    ["Permaslug", m.permaslug],
  ];
  return (
    <section aria-labelledby="specs-heading" data-chart-id="model-specs" className="min-w-0 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
      <h2 id="specs-heading" className="text-base font-semibold">
        Specs
      </h2>
      {!m.inCatalogue && <p className="mt-1 text-sm text-amber-800 dark:text-amber-300">Not in the stored catalogue: only usage is known.</p>}
      <dl className="mt-3 grid grid-cols-2 gap-x-6 gap-y-2 text-sm sm:grid-cols-3 lg:grid-cols-6">
        {facts.map(([k, v]) => (
          <div key={k} className="min-w-0">
            <dt className="text-slate-500 dark:text-slate-400">{k}</dt>
            <dd className="break-words font-medium">{v}</dd>
          </div>
        ))}
      </dl>
      {detail.variants.length > 0 && (
        <div className="mt-4 overflow-x-auto rounded border border-slate-200 dark:border-slate-800" tabIndex={0} role="region" aria-label="Variants">
          <table className="w-full min-w-[30rem] text-left text-sm">
            <caption className="sr-only">Variants of this model</caption>
            <thead className="bg-slate-100 text-slate-600 dark:bg-slate-800 dark:text-slate-300">
              <tr>
                <th scope="col" className="px-3 py-1.5 font-medium">Variant</th>
                <th scope="col" className="px-3 py-1.5 font-medium">Id</th>
                <th scope="col" className="px-3 py-1.5 text-right font-medium">Input</th>
                <th scope="col" className="px-3 py-1.5 text-right font-medium">Output</th>
                <th scope="col" className="px-3 py-1.5 text-right font-medium">Tokens in range</th>
              </tr>
            </thead>
            <tbody>
              {detail.variants.map((v) => (
                <tr key={v.modelId} className="border-t border-slate-100 dark:border-slate-800">
                  <td className="px-3 py-1">{v.free ? "free" : v.variant}</td>
                  <td className="px-3 py-1 text-slate-600 dark:text-slate-400">{v.publicId}</td>
                  <td className="px-3 py-1 text-right tabular-nums">{v.free ? "free" : formatPricePerM(v.inputPerM, v.priceListed !== false)}</td>
                  <td className="px-3 py-1 text-right tabular-nums">{v.free ? "free" : formatPricePerM(v.outputPerM, v.priceListed !== false)}</td>
                  <td className="px-3 py-1 text-right tabular-nums">{formatTokens(v.tokens)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="mt-3">
        <SourceLine provenance={detail.provenance} />
      </div>
    </section>
  );
}
