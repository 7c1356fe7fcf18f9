import Link from "next/link";
import type { Provenance } from "@/lib/queries/types";
import { sourceLines } from "@/lib/figures/source";

/** "Source: … as of …" from the provenance the numbers came with; flags sample data. */
export function SourceLine({ provenance }: { provenance: Provenance | null | undefined }) {
  if (!provenance) return null;
  const lines = sourceLines(provenance);
  if (!lines.length && !provenance.sample) return null;
  return (
    <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-slate-600 dark:text-slate-400">
      {provenance.sample && (
        <span className="rounded bg-amber-100 px-1.5 py-0.5 font-medium text-amber-900 dark:bg-amber-900 dark:text-amber-100">Sample data</span>
      )}
      {lines.map((l) => (
        <span key={l}>{l}</span>
      ))}
      <Link href="/methods" className="underline decoration-dotted hover:text-indigo-700 dark:hover:text-indigo-300">
        How to read this chart
      </Link>
    </div>
  );
}
