"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { parseViewState, VIEW_PARAMS, viewQuery, type ViewState } from "@/lib/view/state";
import { usePageView } from "./view-defaults";

/**
 * The view's state, read from the address bar (lenient: invalid values fall back to defaults) and written
 * back with only non-default values. Each change is a history entry, so back/forward step through states;
 * Next's router keeps useSearchParams in sync with native pushState/popstate.
 *
 * The page's defaults and navigation mode come from <ViewDefaults> (lib/ui/view-defaults.tsx). `apiQuery`
 * is the same state serialized against the global defaults, i.e. what /api/v1/* needs to reproduce it.
 */
export function useViewState() {
  const { defaults: pageDefaults, navigation, pending, startTransition } = usePageView();
  const params = useSearchParams();
  const pathname = usePathname();
  const router = useRouter();
  const search = params.toString();
  const state = useMemo(() => parseViewState(new URLSearchParams(search), pageDefaults).state, [search, pageDefaults]);

  const update = useCallback(
    (patch: Partial<ViewState>, opts: { replace?: boolean } = {}) => {
      const next: ViewState = { ...state, ...patch };
      const out = new URLSearchParams(viewQuery(next, pageDefaults).slice(1));
      // Parameters that are not view state survive a change.
      for (const [k, v] of new URLSearchParams(window.location.search)) {
        if (!(VIEW_PARAMS as string[]).includes(k)) out.append(k, v);
      }
      const q = out.toString();
      const url = `${pathname}${q ? `?${q}` : ""}${window.location.hash}`;
      const serverOnly = navigation === "server" && !onlyDisplay(patch);
      if (serverOnly) {
        startTransition(() => (opts.replace ? router.replace(url, { scroll: false }) : router.push(url, { scroll: false })));
      } else if (opts.replace) window.history.replaceState(null, "", url);
      else window.history.pushState(null, "", url);
    },
    [state, pathname, pageDefaults, navigation, router, startTransition],
  );

  return { state, update, pending, apiQuery: viewQuery(state) };
}

/** Switching chart/table needs no new data. */
function onlyDisplay(patch: Partial<ViewState>): boolean {
  const keys = Object.keys(patch);
  return keys.length === 1 && keys[0] === "display";
}
