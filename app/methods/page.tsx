import type { Metadata } from "next";
import { PARTIAL_NOTE } from "@/lib/figures/marks";

export const metadata: Metadata = {
  title: "How to read these charts",
  description: "What Modelshare's charts can and cannot say: unreported days, partial periods, shares, launch alignment, windows.",
};

const RULES: { id: string; title: string; body: string[] }[] = [
  {
    id: "unreported",
    title: "Unreported is not zero",
    body: [
      "OpenRouter's daily rankings publish each day's top 50 models plus one “other” row. A model missing from a day the source reported is unreported: its tokens are inside “other”, amount unknown. Charts leave a gap there, tables write “—”, and the API answers tokens: null, complete: false.",
      "A week, month or launch block that holds an unreported day sums the days that were reported and is marked incomplete; totals and cumulative curves over it read “at least”. Summaries never call a gap a drop, and ratios are only quoted between exact totals.",
      "Days before a model's launch (or its first stored day) are absent, not unreported.",
    ],
  },
  {
    id: "partial",
    title: "Partial periods look partial",
    body: [
      `A week or month cut by the selected range or by the newest data holds fewer days than a full one. ${PARTIAL_NOTE}`,
    ],
  },
  {
    id: "shares",
    title: "Shares say what they cannot see",
    body: [
      "A vendor's free share counts its reported models only. The “other” bucket — every model below the source's published top list — has no known free/paid split: its share of all tokens is written under every free-share chart.",
      "Free variants listed in the catalogue that never reached the published list in the range are named, so a 0% free share reads as “0% among its reported models; 2 free variants below the threshold”.",
    ],
  },
  {
    id: "launch",
    title: "Launch alignment has its own axis",
    body: [
      "Aligned by launch, every curve starts at its own day 0 and runs as far as the data goes (or the first N days you choose); the calendar range does not clip it. A model launched before the stored data starts says at which day its curve begins.",
      "Ratios and summaries compare the days every series has: “in their first 73 days …”, never 73 days of one against 137 of another.",
    ],
  },
  {
    id: "windows",
    title: "Windows are windows",
    body: [
      "Some sources report an app's tokens over their own window (OpenRouter's app rankings: the last 90 days; a tracker's capture: a window whose start is unknown). Such figures are shown as that window — “the source's window to 28 Aug 2026 (start unknown)” — never as a calendar month or under the page's range.",
    ],
  },
  {
    id: "series",
    title: "Top N means N, and colours stay",
    body: [
      "Top 5, 10 or 20 shows that many series; everything else is one grey “Others”. A page's own subject is never folded into Others. Ten hues of the Okabe–Ito palette (past ten, the same hues dashed), each model keeping its colour across pages, embeds and images.",
      "Lines are drawn straight between points: no smoothing that invents shapes between monthly figures. Share axes fit the data, so a 0.3% free share is not flattened against 100%.",
    ],
  },
  {
    id: "spend",
    title: "Estimated spend",
    body: [
      "Each day's tokens at the list price in effect that day: prompt tokens at the input price and completion tokens at the output price where the split is known, all tokens at the input price otherwise (a lower bound). Free variants cost nothing; caching discounts and provider-specific prices are ignored.",
    ],
  },
];

/** The methods note every chart's source line links to. */
export default function MethodsPage() {
  return (
    <article className="max-w-3xl space-y-6">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight">How to read these charts</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          People publish what Modelshare shows, so a chart never says more than its data. These are the rules every chart, embed, image, summary and CSV follows.
        </p>
      </header>
      {RULES.map((r) => (
        <section key={r.id} id={r.id} aria-labelledby={`${r.id}-h`} className="scroll-mt-4 space-y-2">
          <h2 id={`${r.id}-h`} className="text-lg font-semibold">
            {r.title}
          </h2>
          {r.body.map((p) => (
            <p key={p} className="text-sm leading-relaxed text-slate-700 dark:text-slate-300">
              {p}
            </p>
          ))}
        </section>
      ))}
    </article>
  );
}
