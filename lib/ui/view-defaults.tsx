"use client";

import { createContext, useContext, useMemo } from "react";
import type { ViewState } from "@/lib/view/state";

const Ctx = createContext<Partial<ViewState>>({});

/** The page's own defaults (e.g. weekly interval on the overview), so only values differing from them reach the URL. */
export function ViewDefaults({ defaults, children }: { defaults: Partial<ViewState>; children: React.ReactNode }) {
  const key = JSON.stringify(defaults);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const stable = useMemo(() => defaults, [key]);
  return <Ctx.Provider value={stable}>{children}</Ctx.Provider>;
}

export function usePageDefaults(): Partial<ViewState> {
  return useContext(Ctx);
}
