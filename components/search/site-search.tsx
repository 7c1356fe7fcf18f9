"use client";

import { comboboxInputProps } from "@/components/ui/combobox-input";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import type { SearchHit } from "@/lib/queries/search";
import { formatTokens } from "@/lib/format";
import { searchOptions } from "@/lib/pages/api-queries";
import { useApiQuery } from "@/lib/ui/use-api";
import { useDebounced } from "@/lib/ui/use-debounced";

const KIND_LABEL: Record<SearchHit["kind"], string> = { vendor: "Vendor", model: "Model", app: "App" };

/** True when a key press belongs to a field the reader is typing in, where "/" is just a character. */
function typingIn(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName));
}

/**
 * The header's search over models, apps and vendors (GET /api/v1/search): a WAI-ARIA combobox. "/" anywhere
 * focuses it; ↓/↑ move, Enter opens the highlighted page (or the models index searched for the text when
 * nothing is highlighted), Escape closes the list, then clears the text.
 */
export function SiteSearch() {
  const id = useId();
  const router = useRouter();
  const inputRef = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const q = useDebounced(query.trim());
  const search = useApiQuery(searchOptions(q), { enabled: q.length > 0, live: true });
  const hits = q && search.data?.q === q ? search.data.hits : [];
  const expanded = open && hits.length > 0;
  const message = open && q && !hits.length ? (search.isFetching ? "Searching…" : search.error ? "Search is unavailable right now" : "No matches") : null;
  const optionId = (i: number) => `${id}-hit-${i}`;

  useEffect(() => {
    function onKey(e: globalThis.KeyboardEvent) {
      if (e.key !== "/" || e.metaKey || e.ctrlKey || e.altKey || typingIn(e.target)) return;
      e.preventDefault();
      inputRef.current?.focus();
    }
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);

  function go(href: string) {
    setOpen(false);
    setQuery("");
    setActive(-1);
    inputRef.current?.blur();
    router.push(href);
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    switch (e.key) {
      case "ArrowDown":
        e.preventDefault();
        setOpen(true);
        setActive((a) => (hits.length ? (a + 1) % hits.length : -1));
        break;
      case "ArrowUp":
        e.preventDefault();
        setOpen(true);
        setActive((a) => (hits.length ? (a <= 0 ? hits.length - 1 : a - 1) : -1));
        break;
      case "Enter": {
        const hit = expanded && active >= 0 ? hits[active] : null;
        if (hit) {
          e.preventDefault();
          go(hit.href);
        } else if (query.trim()) {
          e.preventDefault();
          go(`/models?q=${encodeURIComponent(query.trim())}`);
        }
        break;
      }
      case "Escape":
        if (open && hits.length) setOpen(false);
        else setQuery("");
        setActive(-1);
        break;
    }
  }

  return (
    <div className="relative w-full sm:w-72">
      <label htmlFor={`${id}-input`} className="sr-only">
        Search models, apps and vendors
      </label>
      <input
        ref={inputRef}
        {...comboboxInputProps(id, expanded, active >= 0 ? optionId(active) : undefined)}
        aria-keyshortcuts="/"
        value={query}
        placeholder="Search models, apps, vendors  ( / )"
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
        className="w-full rounded-md border border-slate-300 bg-white px-2.5 py-1 text-sm placeholder:text-slate-500 focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-500/30 dark:border-slate-700 dark:bg-slate-900 dark:placeholder:text-slate-400"
      />
      <ul
        id={`${id}-listbox`}
        role="listbox"
        aria-label="Search results"
        hidden={!expanded}
        className="absolute left-0 right-0 top-full z-30 mt-1 max-h-96 overflow-auto rounded-md border border-slate-200 bg-white py-1 text-sm shadow-lg dark:border-slate-700 dark:bg-slate-900"
      >
        {hits.map((h, i) => (
          <li
            key={`${h.kind}:${h.id}`}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            onMouseDown={(e) => e.preventDefault()}
            onMouseEnter={() => setActive(i)}
            onClick={() => go(h.href)}
            className={`cursor-pointer px-3 py-1.5 ${i === active ? "bg-indigo-50 dark:bg-indigo-950" : ""}`}
          >
            <div className="flex items-baseline justify-between gap-2">
              <span className="truncate font-medium">{h.label}</span>
              <span className="shrink-0 text-xs text-slate-600 dark:text-slate-400">{KIND_LABEL[h.kind]}</span>
            </div>
            <div className="truncate text-xs text-slate-600 dark:text-slate-400">
              {[h.kind === "model" ? h.id : null, h.detail, h.tokens !== "0" ? `${formatTokens(h.tokens)} tokens` : null].filter(Boolean).join(" · ")}
            </div>
          </li>
        ))}
      </ul>
      <p
        aria-live="polite"
        className={
          message
            ? "absolute left-0 right-0 top-full z-30 mt-1 rounded-md border border-slate-200 bg-white px-3 py-1.5 text-sm text-slate-600 shadow-lg dark:border-slate-700 dark:bg-slate-900 dark:text-slate-400"
            : "sr-only"
        }
      >
        {message}
      </p>
    </div>
  );
}
