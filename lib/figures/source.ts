/** The "Source: … as of …" line of a chart, from the provenance its numbers came with. */
import type { Provenance } from "@/lib/queries/types";
import { formatTimestamp } from "@/lib/format";
import { cleanText } from "@/lib/labels";

/** Citations the data requires (external strings, cleaned), or a line naming the sources and date. */
export function sourceLines(p: Provenance | null | undefined): string[] {
  if (!p) return [];
  if (p.citations.length) return p.citations.map(cleanText);
  if (p.sources.length) return [`Source: ${p.sources.map(cleanText).join(", ")}${p.asOf ? `, as of ${formatTimestamp(p.asOf)}` : ""}.`];
  return [];
}
