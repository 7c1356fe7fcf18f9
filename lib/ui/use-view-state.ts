"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { pageHref } from "@/lib/view/address";
import { parseViewState, VIEW_PARAMS, viewQuery, type ViewState } from "@/lib/view/state";
import { usePageView } from "./view-defaults";

/**
 * The view's state, read from the address bar (lenient: invalid values fall back to defaults) and written
 * back with only non-default values. Each change is a history entry, so back/forward step through states;
 * Next's router keeps useSearchParams in sync with native pushState/popstate.
 *
 * The page's defaults and navigation mode come from <ViewDefaults> (lib/ui/view-defaults.tsx). `apiQuery`
 * is the same state serialized against the global defaults, i.e. what /api/v1/* needs to reproduce it.
 *
 * On a pinned permalink (/s/<id>) the state is the stored one: chart/table switches in place, and any other
 * change leaves the pinned data for the live view in the changed state.
 */
export function useViewState() {
  const { defaults: pageDefaults, navigation, pending, startTransition, pinned, view, subject, display, setDisplay } = usePageView();
  const params = useSearchParams();
  const pathname = usePathname();
  const router = useRouter();
  const search = pinned ? pinned.query : params.toString();
  const parsed = useMemo(() => parseViewState(new URLSearchParams(search), pageDefaults).state, [search, pageDefaults]);
  const state = useMemo(() => (pinned && display ? { ...parsed, display } : parsed), [parsed, pinned, display]);

  const update = useCallback(
    (patch: Partial<ViewState>, opts: { replace?: boolean } = {}) => {
      const next: ViewState = { ...state, ...patch };
      if (pinned) {
        if (onlyDisplay(patch)) setDisplay(next.display);
        else if (view) router.push(pageHref({ view, subject, state: next }));
        return;
      }
      const out = new URLSearchParams(viewQuery(next, pageDefaults).slice(1));
      // Parameters that are not view state survive a change.
      for (const [k, v] of new URLSearchParams(window.location.search)) {
        if (!(VIEW_PARAMS as string[]).includes(k)) out.append(k, v);
      }
      const q = out.toString();
      const url = `${pathname}${q ? `?${q}` : ""}${window.location.hash}`;
      if (url === `${window.location.pathname}${window.location.search}${window.location.hash}`) return;
      const serverOnly = navigation === "server" && !onlyDisplay(patch);
      if (serverOnly) {
        startTransition(() => (opts.replace ? router.replace(url, { scroll: false }) : router.push(url, { scroll: false })));
      } else if (opts.replace) window.history.replaceState(null, "", url);
      else window.history.pushState(null, "", url);
    },
    [state, pathname, pageDefaults, navigation, router, startTransition, pinned, view, subject, setDisplay],
  );

  return { state, update, pending, apiQuery: viewQuery(state) };
}

/** Switching chart/table needs no new data. */
function onlyDisplay(patch: Partial<ViewState>): boolean {
  const keys = Object.keys(patch);
  return keys.length === 1 && keys[0] === "display";
}
