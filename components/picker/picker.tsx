"use client";

import { comboboxInputProps } from "@/components/ui/combobox-input";
import { useId, useRef, useState, type KeyboardEvent } from "react";
import { Chip } from "./chip";
import type { PickerOption } from "./types";

export interface PickerProps {
  label: string;
  placeholder?: string;
  selected: (PickerOption & { color?: string })[];
  /** Options matching `query` (already selected ones are hidden here). */
  options: PickerOption[];
  query: string;
  onQueryChange: (q: string) => void;
  onAdd: (value: string) => void;
  onRemove: (value: string) => void;
  max?: number;
  loading?: boolean;
}

/**
 * A searchable multi-select (WAI-ARIA combobox with a listbox popup): type to search, ↓/↑ to move,
 * Enter to add (the list closes), Escape to close, Backspace in the empty field removes the last chip.
 */
export function Picker({ label, placeholder, selected, options, query, onQueryChange, onAdd, onRemove, max = 12, loading }: PickerProps) {
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const chosen = new Set(selected.map((s) => s.value));
  const full = selected.length >= max;
  const visible = full ? [] : options.filter((o) => !chosen.has(o.value));
  const expanded = open && visible.length > 0;
  const message = open && !visible.length && (query.length > 0 || full) ? (full ? `At most ${max} selected; remove one to add another.` : loading ? "Searching…" : "No matches") : null;
  const activeIndex = Math.min(active, visible.length - 1);
  const optionId = (i: number) => `${id}-opt-${i}`;

  // The list closes after a pick (focus stays in the field: typing or ↓ opens it again).
  function add(o: PickerOption) {
    onAdd(o.value);
    onQueryChange("");
    setActive(0);
    setOpen(false);
    inputRef.current?.focus();
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    switch (e.key) {
      case "ArrowDown":
        e.preventDefault();
        if (!open) setOpen(true);
        else setActive((a) => (visible.length ? (Math.min(a, visible.length - 1) + 1) % visible.length : 0));
        break;
      case "ArrowUp":
        e.preventDefault();
        setOpen(true);
        setActive((a) => (visible.length ? (Math.min(a, visible.length - 1) - 1 + visible.length) % visible.length : 0));
        break;
      case "Home":
        if (open && visible.length) {
          e.preventDefault();
          setActive(0);
        }
        break;
      case "End":
        if (open && visible.length) {
          e.preventDefault();
          setActive(visible.length - 1);
        }
        break;
      case "Enter":
        if (open && visible[activeIndex]) {
          e.preventDefault();
          add(visible[activeIndex]);
        }
        break;
      case "Escape":
        if (open) {
          e.preventDefault();
          setOpen(false);
        } else if (query) {
          onQueryChange("");
        }
        break;
      case "Backspace":
        if (!query && selected.length) onRemove(selected[selected.length - 1].value);
        break;
    }
  }

  return (
    <div className="min-w-0">
      <label htmlFor={`${id}-input`} className="mb-1 block text-xs font-medium text-slate-600 dark:text-slate-400">
        {label}
      </label>
      <div className="relative rounded-md border border-slate-300 bg-white px-2 py-1.5 focus-within:border-indigo-500 focus-within:ring-2 focus-within:ring-indigo-500/30 dark:border-slate-700 dark:bg-slate-900">
        <div className="flex flex-wrap items-center gap-1.5">
          {selected.length > 0 && (
            <ul aria-label={`Selected: ${label}`} className="flex min-w-0 flex-wrap gap-1.5">
              {selected.map((s) => (
                <Chip key={s.value} label={s.label} color={s.color} onRemove={() => onRemove(s.value)} />
              ))}
            </ul>
          )}
          <input
            ref={inputRef}
            {...comboboxInputProps(id, expanded, visible[activeIndex] ? optionId(activeIndex) : undefined)}
            value={query}
            placeholder={full ? `At most ${max}` : placeholder}
            onChange={(e) => {
              onQueryChange(e.target.value);
              setOpen(true);
              setActive(0);
            }}
            onFocus={() => setOpen(true)}
            onBlur={() => setOpen(false)}
            onKeyDown={onKeyDown}
            className="min-w-[8rem] flex-1 bg-transparent py-0.5 text-sm outline-none placeholder:text-slate-500 dark:placeholder:text-slate-400"
          />
        </div>
        <ul
          id={`${id}-listbox`}
          role="listbox"
          aria-label={label}
          hidden={!expanded}
          className="absolute left-0 right-0 top-full z-20 mt-1 max-h-72 overflow-auto rounded-md border border-slate-200 bg-white py-1 text-sm shadow-lg dark:border-slate-700 dark:bg-slate-900"
        >
          {visible.map((o, i) => (
            <li
              key={o.value}
              id={optionId(i)}
              role="option"
              aria-selected={i === activeIndex}
              onMouseDown={(e) => e.preventDefault()}
              onMouseEnter={() => setActive(i)}
              onClick={() => add(o)}
              className={`cursor-pointer px-3 py-1.5 ${i === activeIndex ? "bg-indigo-50 dark:bg-indigo-950" : ""}`}
            >
              <div className="truncate font-medium">{o.label}</div>
              {o.detail && <div className="truncate text-xs text-slate-600 dark:text-slate-400">{o.detail}</div>}
            </li>
          ))}
        </ul>
        <p aria-live="polite" className={message ? "absolute left-0 right-0 top-full z-20 mt-1 rounded-md border border-slate-200 bg-white px-3 py-1.5 text-sm text-slate-600 shadow-lg dark:border-slate-700 dark:bg-slate-900 dark:text-slate-400" : "sr-only"}>
          {message}
        </p>
      </div>
    </div>
  );
}
