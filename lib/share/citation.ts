/**
 * The "Cite this" text of a chart: its title, Modelshare, the permalink, when the data is as of, and the
 * source line the data requires (its citations) — one string, copied as is into a post or a paper.
 */
import { formatTimestamp } from "@/lib/format";
import { sourceLines } from "@/lib/figures/source";
import type { Figure } from "@/lib/figures/types";

export function citeText(fig: Pick<Figure, "title" | "provenance">, link: string): string {
  const asOf = fig.provenance?.asOf ? ` Data as of ${formatTimestamp(fig.provenance.asOf)}.` : "";
  const sample = fig.provenance?.sample ? " Sample data, not real usage." : "";
  const sources = sourceLines(fig.provenance).join(" ");
  return `“${fig.title}”. Modelshare, ${link}.${asOf}${sample}${sources ? ` ${sources}` : ""}`;
}
