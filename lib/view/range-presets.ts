/**
 * Ranges people ask for, counted from the newest day with data (not the wall clock: a month the sources have
 * not reported yet would show nothing): the last N days, this month, last month, last quarter (whole calendar
 * quarter before the one holding the newest day), year to date, all data. And dates typed in the app's own
 * format ("1 Oct 2025", as every chart writes them) or as YYYY-MM-DD.
 */
import { addDays } from "@/lib/domain/days";

export const RANGE_PRESETS = [
  { id: "30d", label: "30 days" },
  { id: "90d", label: "90 days" },
  { id: "1y", label: "1 year" },
  { id: "this-month", label: "This month" },
  { id: "last-month", label: "Last month" },
  { id: "last-quarter", label: "Last quarter" },
  { id: "ytd", label: "Year to date" },
  { id: "all", label: "All" },
] as const;
export type RangePresetId = (typeof RANGE_PRESETS)[number]["id"];

const pad = (n: number) => String(n).padStart(2, "0");
const monthStart = (y: number, m: number) => `${y}-${pad(m)}-01`; // m: 1..12

/** The preset's days; null when it needs data that is not there (no newest day, or "All" without the oldest). */
export function presetRange(id: RangePresetId, newest: string | null, oldest: string | null): { from: string; to: string } | null {
  if (!newest) return null;
  const y = Number(newest.slice(0, 4));
  const m = Number(newest.slice(5, 7));
  switch (id) {
    case "30d":
      return { from: addDays(newest, -29), to: newest };
    case "90d":
      return { from: addDays(newest, -89), to: newest };
    case "1y":
      return { from: addDays(newest, -364), to: newest };
    case "this-month":
      return { from: monthStart(y, m), to: newest };
    case "last-month": {
      const [py, pm] = m === 1 ? [y - 1, 12] : [y, m - 1];
      return { from: monthStart(py, pm), to: addDays(monthStart(y, m), -1) };
    }
    case "last-quarter": {
      const q = Math.floor((m - 1) / 3); // 0..3, the newest day's quarter
      const [qy, qm] = q === 0 ? [y - 1, 10] : [y, q * 3 - 2];
      return { from: monthStart(qy, qm), to: addDays(monthStart(y, q * 3 + 1), -1) };
    }
    case "ytd":
      return { from: `${y}-01-01`, to: newest };
    case "all":
      return oldest ? { from: oldest, to: newest } : null;
  }
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

function validDay(y: number, m: number, d: number): string | null {
  if (!(y >= 1000 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= 31)) return null;
  const day = `${y}-${pad(m)}-${pad(d)}`;
  // 31 Feb is not a day: the round trip through Date would move it.
  return new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) === day ? day : null;
}

/** "1 Oct 2025", "1 October 2025", "Oct 1, 2025" or "2025-10-01" → "2025-10-01"; null when it is not a real day. */
export function parseDayInput(text: string): string | null {
  const s = text.trim().toLowerCase().replace(/,/g, " ").replace(/\s+/g, " ");
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (m) return validDay(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2}) ([a-z]{3,9})\.? (\d{4})$/.exec(s);
  if (m) return monthOf(m[2]) ? validDay(Number(m[3]), monthOf(m[2])!, Number(m[1])) : null;
  m = /^([a-z]{3,9})\.? (\d{1,2}) (\d{4})$/.exec(s);
  if (m) return monthOf(m[1]) ? validDay(Number(m[3]), monthOf(m[1])!, Number(m[2])) : null;
  return null;
}

function monthOf(word: string): number | null {
  const i = MONTHS.indexOf(word.slice(0, 3));
  return i >= 0 && (word.length === 3 || "january february march april may june july august september october november december".split(" ")[i].startsWith(word)) ? i + 1 : null;
}
