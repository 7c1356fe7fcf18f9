"use client";

import { createContext, useContext, useMemo, useTransition } from "react";
import type { ViewState } from "@/lib/view/state";

export type Navigation = "client" | "server";

interface PageView {
  defaults: Partial<ViewState>;
  /** client: charts refetch /api/v1/* (pushState only); server: the page re-renders (no API for it). */
  navigation: Navigation;
  pending: boolean;
  startTransition: (fn: () => void) => void;
}

const Ctx = createContext<PageView>({ defaults: {}, navigation: "client", pending: false, startTransition: (fn) => fn() });

/** The page's own defaults (e.g. weekly interval on the overview), so only values differing from them reach the URL. */
export function ViewDefaults({ defaults, navigation = "client", children }: { defaults: Partial<ViewState>; navigation?: Navigation; children: React.ReactNode }) {
  const key = JSON.stringify(defaults);
  const [pending, startTransition] = useTransition();
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const value = useMemo(() => ({ defaults, navigation, pending, startTransition }), [key, navigation, pending]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function usePageView(): PageView {
  return useContext(Ctx);
}
