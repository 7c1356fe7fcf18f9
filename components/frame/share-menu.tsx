"use client";

import { lazy, Suspense, useCallback, useEffect, useId, useRef, useState } from "react";
import { usePageView } from "@/lib/ui/view-defaults";
import { isChartId } from "@/lib/view/charts";
import type { ViewState } from "@/lib/view/state";

// The menu's contents (links, permalinks, words, embed code, downloads) are fetched when a reader reaches
// for the button, not with the page: most readers never open it.
const loadPanel = () => import("./share-panel");
const SharePanel = lazy(loadPanel);

/**
 * The Share menu of a chart frame (its contents: share-panel.tsx). A disclosure: the button has
 * aria-expanded; opening focuses the first item, Escape or a click outside closes and returns focus.
 */
export function ShareMenu({ chartId, title, state }: { chartId: string; title: string; state: ViewState }) {
  const { view } = usePageView();
  const [open, setOpen] = useState(false);
  const [opened, setOpened] = useState(false);
  const [ready, setReady] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const id = useId();
  const onReady = useCallback(() => setReady(true), []);

  const close = useCallback((focus = true) => {
    setOpen(false);
    if (focus) button.current?.focus();
  }, []);

  useEffect(() => {
    if (!open) return;
    if (ready) panel.current?.querySelector<HTMLElement>("button, a, input")?.focus();
    const onDown = (e: PointerEvent) => {
      if (!panel.current?.contains(e.target as Node) && !button.current?.contains(e.target as Node)) close(false);
    };
    document.addEventListener("pointerdown", onDown);
    return () => document.removeEventListener("pointerdown", onDown);
  }, [open, ready, close]);

  if (!view || !isChartId(chartId)) return null;
  return (
    <div className="contents">
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={`${id}-panel`}
        aria-label={`Share ${title}`}
        onPointerEnter={loadPanel}
        onFocus={loadPanel}
        onClick={() => {
          setOpened(true);
          setOpen((o) => !o);
        }}
        onKeyDown={(e) => {
          if (e.key === "Escape" && open) close();
        }}
        className="rounded-md border border-slate-300 bg-white px-2.5 py-1 text-xs font-medium text-slate-700 hover:bg-slate-100 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-200 dark:hover:bg-slate-800"
      >
        Share <span aria-hidden="true">▾</span>
      </button>
      <div
        ref={panel}
        id={`${id}-panel`}
        role="group"
        aria-label={`Share ${title}`}
        hidden={!open}
        onKeyDown={(e) => {
          if (e.key === "Escape") {
            e.stopPropagation();
            close();
          }
        }}
        className="absolute right-0 top-full z-30 mt-1 w-[min(24rem,100%)] rounded-lg border border-slate-200 bg-white p-2 shadow-lg dark:border-slate-700 dark:bg-slate-900"
      >
        {opened && (
          <Suspense fallback={<p className="px-2.5 py-1.5 text-sm text-slate-600 dark:text-slate-400">Loading…</p>}>
            <SharePanel chart={chartId} title={title} state={state} onReady={onReady} />
          </Suspense>
        )}
      </div>
    </div>
  );
}
