"use client";

import { useState } from "react";
import type { ModelListItem } from "@/lib/queries/types";
import { modelSearchOptions } from "@/lib/pages/api-queries";
import { formatTokens } from "@/lib/format";
import { useApiQuery } from "@/lib/ui/use-api";
import { useDebounced } from "@/lib/ui/use-debounced";
import { Picker } from "./picker";
import type { PickerOption } from "./types";

function toOption(m: ModelListItem): PickerOption {
  return { value: m.publicId, label: m.name ?? m.publicId, detail: `${m.publicId} · ${formatTokens(m.tokens)} tokens` };
}

/** Picks models by searching the catalogue (/api/v1/models?q=…); with an empty search, the most used. */
export function ModelPicker({
  label = "Models",
  selected,
  onChange,
  max = 6,
  suggestions = [],
}: {
  label?: string;
  selected: (PickerOption & { color?: string })[];
  onChange: (values: string[]) => void;
  max?: number;
  /** Shown before the reader types (e.g. the most used models, server-rendered). */
  suggestions?: ModelListItem[];
}) {
  const [query, setQuery] = useState("");
  const q = useDebounced(query.trim());
  const search = useApiQuery(modelSearchOptions(q), { enabled: q.length > 0, live: true });
  const found = q ? (search.data?.models ?? []) : suggestions;
  const values = selected.map((s) => s.value);
  return (
    <Picker
      label={label}
      placeholder="Search models…"
      selected={selected}
      options={found.slice(0, 20).map(toOption)}
      query={query}
      onQueryChange={setQuery}
      loading={search.isFetching}
      max={max}
      onAdd={(v) => onChange([...values, v])}
      onRemove={(v) => onChange(values.filter((x) => x !== v))}
    />
  );
}
