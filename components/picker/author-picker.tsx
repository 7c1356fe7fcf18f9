"use client";

import { vendorName } from "@/lib/domain/vendors";
import { useState } from "react";
import type { AuthorSummary } from "@/lib/queries/types";
import { Picker } from "./picker";
import type { PickerOption } from "./types";

/** Picks authors (vendors) from the full list, filtered as the reader types. */
export function AuthorPicker({
  authors,
  selected,
  onChange,
  max = 8,
  label = "Vendors",
}: {
  authors: AuthorSummary[];
  selected: (PickerOption & { color?: string })[];
  onChange: (values: string[]) => void;
  max?: number;
  label?: string;
}) {
  const [query, setQuery] = useState("");
  const q = query.trim().toLowerCase();
  const options = authors
    .filter((a) => !q || a.author.toLowerCase().includes(q) || vendorName(a.author).toLowerCase().includes(q))
    .slice(0, 30)
    .map((a) => ({ value: a.author, label: vendorName(a.author), detail: `${a.models} model${a.models === 1 ? "" : "s"}${a.hasFree ? " · has free variants" : ""}` }));
  const values = selected.map((s) => s.value);
  return (
    <Picker
      label={label}
      placeholder="Search vendors…"
      selected={selected}
      options={options}
      query={query}
      onQueryChange={setQuery}
      max={max}
      onAdd={(v) => onChange([...values, v])}
      onRemove={(v) => onChange(values.filter((x) => x !== v))}
    />
  );
}
