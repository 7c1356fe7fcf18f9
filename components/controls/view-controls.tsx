"use client";

import { Segmented } from "@/components/ui/segmented";
import { useViewState } from "@/lib/ui/use-view-state";
import type { EventDisplay, Align, Interval, Metric, Scale, VariantFilter } from "@/lib/view/state";

/** Controls bound to one view-state parameter each; they write the URL, the charts follow. */

export function IntervalControl() {
  const { state, update } = useViewState();
  return (
    <Segmented<Interval>
      label="Interval"
      value={state.interval}
      onChange={(interval) => update({ interval })}
      options={[
        { value: "day", label: "Day" },
        { value: "week", label: "Week" },
        { value: "month", label: "Month" },
      ]}
    />
  );
}

export function AlignControl() {
  const { state, update } = useViewState();
  return (
    <Segmented<Align>
      label="Align"
      value={state.align}
      onChange={(align) => update({ align })}
      options={[
        { value: "calendar", label: "Calendar" },
        { value: "launch", label: "Since launch" },
      ]}
    />
  );
}

export function MetricControl({ options = ["tokens", "cumulative", "share"] }: { options?: Metric[] }) {
  const { state, update } = useViewState();
  const labels: Record<Metric, string> = { tokens: "Tokens", cumulative: "Cumulative", share: "Share" };
  return (
    <Segmented<Metric>
      label="Metric"
      value={state.metric}
      onChange={(metric) => update({ metric })}
      options={options.map((value) => ({ value, label: labels[value] }))}
    />
  );
}

export function ScaleControl({ disabled = false }: { disabled?: boolean }) {
  const { state, update } = useViewState();
  if (disabled) return null;
  return (
    <Segmented<Scale>
      label="Scale"
      value={state.scale}
      onChange={(scale) => update({ scale })}
      options={[
        { value: "linear", label: "Linear" },
        { value: "log", label: "Log" },
      ]}
    />
  );
}

/** Show or hide the event markers (launches, price changes, free tiers): part of the view state, so links keep it. */
export function EventsControl() {
  const { state, update } = useViewState();
  return (
    <Segmented<EventDisplay>
      label="Events"
      value={state.events}
      onChange={(events) => update({ events })}
      options={[
        { value: "show", label: "Show" },
        { value: "hide", label: "Hide" },
      ]}
    />
  );
}

export function VariantControl({ label = "Count", options }: { label?: string; options?: { value: VariantFilter; label: string }[] }) {
  const { state, update } = useViewState();
  return (
    <Segmented<VariantFilter>
      label={label}
      value={state.variant}
      onChange={(variant) => update({ variant })}
      options={
        options ?? [
          { value: "all", label: "All tokens" },
          { value: "paid", label: "Paid only" },
          { value: "free", label: "Free only" },
        ]
      }
    />
  );
}

export function TopControl({ options = [5, 10, 20] }: { options?: number[] }) {
  const { state, update } = useViewState();
  return (
    <Segmented<string>
      label="Top"
      value={String(state.top)}
      onChange={(top) => update({ top: Number(top) })}
      options={options.map((n) => ({ value: String(n), label: String(n) }))}
    />
  );
}

/** Launch alignment's own axis: the first N days after each launch (the calendar range does not clip it). Shown only when aligned. */
export function LaunchDaysControl({ options = [30, 90, 180, 365] }: { options?: number[] }) {
  const { state, update } = useViewState();
  if (state.align !== "launch") return null;
  return (
    <Segmented<string>
      label="First"
      value={state.days === null ? "all" : String(state.days)}
      onChange={(v) => update({ days: v === "all" ? null : Number(v) })}
      options={[...options.map((n) => ({ value: String(n), label: `${n} days` })), { value: "all", label: "All" }]}
    />
  );
}
