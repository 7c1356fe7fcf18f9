"use client";

import { useEffect, useId, useState } from "react";
import type { Figure } from "@/lib/figures/types";
import { citeText } from "@/lib/share/citation";
import { usePageView } from "@/lib/ui/view-defaults";
import { pageHref, permalinkPath } from "@/lib/view/address";
import type { ViewState } from "@/lib/view/state";

/** "Cite this": the chart's title, permalink, data as of and required source line, ready to copy. */
export function CiteThis({ chartId, figure, state }: { chartId: string; figure: Figure; state: ViewState }) {
  const { view, subject, pinned } = usePageView();
  const [open, setOpen] = useState(false);
  const [origin, setOrigin] = useState("");
  useEffect(() => setOrigin(window.location.origin), []);
  const id = useId();
  if (!view) return null;
  const link = `${origin}${pinned ? permalinkPath(pinned.id) : pageHref({ view, subject, state })}#${chartId}`;
  const text = citeText(figure, link);
  return (
    <div className="contents">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={`${id}-cite`}
        onClick={() => setOpen((o) => !o)}
        className="rounded-md border border-slate-300 bg-white px-2.5 py-1 text-xs font-medium text-slate-700 hover:bg-slate-100 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-200 dark:hover:bg-slate-800"
      >
        Cite this
      </button>
      <div id={`${id}-cite`} hidden={!open} className="absolute right-0 top-full z-30 mt-1 w-[min(24rem,100%)] rounded-lg border border-slate-200 bg-white p-2 shadow-lg dark:border-slate-700 dark:bg-slate-900">
        <label htmlFor={`${id}-text`} className="text-xs font-medium text-slate-600 dark:text-slate-400">
          Cite this chart
        </label>
        <textarea
          id={`${id}-text`}
          readOnly
          rows={5}
          value={text}
          data-cite-text
          onFocus={(e) => e.currentTarget.select()}
          className="mt-1 w-full rounded border border-slate-300 bg-slate-50 px-2 py-1 text-xs text-slate-800 dark:border-slate-700 dark:bg-slate-950 dark:text-slate-200"
        />
      </div>
    </div>
  );
}
