"use client";

import { createContext, useContext, useMemo, useState, useTransition } from "react";
import type { Display, View, ViewState } from "@/lib/view/state";

export type Navigation = "client" | "server";

/** A permalink's pinned view: the state and data are fixed; the reader can switch chart/table only. */
export interface PinnedView {
  id: string;
  /** The stored canonical query ("models=a,b&interval=month"). */
  query: string;
  asOf: string | null;
}

interface PageView {
  defaults: Partial<ViewState>;
  /** client: charts refetch /api/v1/* (pushState only); server: the page re-renders (no API for it). */
  navigation: Navigation;
  pending: boolean;
  startTransition: (fn: () => void) => void;
  /** Which view this is (and its model or app id): share menus build links, embeds and images from it. */
  view: View | null;
  subject: string | null;
  /** The view's title ("Compare A vs B"): names the chart in embed code when it stands alone. */
  context: string | null;
  pinned: PinnedView | null;
  /** Pinned views keep the chart/table choice in memory (their URL is the permalink). */
  display: Display | null;
  setDisplay: (d: Display) => void;
}

const Ctx = createContext<PageView>({
  defaults: {},
  navigation: "client",
  pending: false,
  startTransition: (fn) => fn(),
  view: null,
  subject: null,
  context: null,
  pinned: null,
  display: null,
  setDisplay: () => {},
});

/** The page's own defaults (e.g. weekly interval on the overview), so only values differing from them reach the URL. */
export function ViewDefaults({
  defaults,
  navigation = "client",
  view = null,
  subject = null,
  context = null,
  pinned = null,
  children,
}: {
  defaults: Partial<ViewState>;
  navigation?: Navigation;
  view?: View | null;
  subject?: string | null;
  context?: string | null;
  pinned?: PinnedView | null;
  children: React.ReactNode;
}) {
  const key = JSON.stringify(defaults);
  const pinnedKey = pinned ? `${pinned.id}:${pinned.query}` : "";
  const [pending, startTransition] = useTransition();
  const [display, setDisplay] = useState<Display | null>(null);
  const value = useMemo(
    () => ({ defaults, navigation, pending, startTransition, view, subject, context, pinned, display, setDisplay }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [key, navigation, pending, view, subject, context, pinnedKey, display],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function usePageView(): PageView {
  return useContext(Ctx);
}
