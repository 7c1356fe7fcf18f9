"use client";

import { Segmented } from "@/components/ui/segmented";
import type { Display } from "@/lib/view/state";

const OPTIONS = [
  { value: "chart", label: "Chart" },
  { value: "table", label: "Table" },
] as const;

export function DisplayToggle({ value, onChange, label }: { value: Display; onChange: (d: Display) => void; label: string }) {
  return <Segmented label={label} hideLabel value={value} options={OPTIONS} onChange={onChange} />;
}
