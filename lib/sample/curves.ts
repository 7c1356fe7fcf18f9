/**
 * Building blocks of the sample data: UTC day arithmetic, a seeded PRNG and the adoption-curve shape.
 * Everything here is pure and deterministic (no Math.random, no clock).
 */
import type { Day } from "@/lib/ingest/types";

export { dayNumber, dayString } from "@/lib/domain/days";
import { dayNumber } from "@/lib/domain/days";

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
function weekdayOf(n: number): number {
  return (((n + 4) % 7) + 7) % 7;
}

/** Last day of the month of `day` (YYYY-MM-DD). */
export function monthEnd(day: Day): Day {
  const [y, m] = day.split("-").map(Number);
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/** mulberry32: a small, fast, well-distributed 32-bit PRNG. Returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a hash of a string: a stable seed per model, so adding a model never changes another's noise. */
export function seedOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Standard normal draw (Box–Muller), clipped to ±2.5 so no day is absurd. */
export function gaussian(rand: () => number): number {
  const u = 1 - rand(); // (0, 1]
  const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
  return Math.max(-2.5, Math.min(2.5, z));
}

const logistic = (x: number) => 1 / (1 + Math.exp(-x));

/** How a model's daily volume evolves: an S-shaped ramp after launch, then an optional S-shaped decline. */
export interface Curve {
  /** Plateau volume, billions of tokens per day. */
  peak: number;
  /** Days from launch to ~98% of the plateau (launch day itself sits at ~2%). */
  rampDays: number;
  /** Decline: half-way on `mid`, taking ~`days` from 90% to 10% of the way down to `floor` (share of peak). */
  fade?: { mid: Day; days: number; floor: number };
  /** Last day with usage (model retired); default: the end of the sample. */
  end?: Day;
  /** Weekend multiplier (Saturday and Sunday); default WEEKEND_FACTOR. */
  weekend?: number;
}

const WEEKEND_FACTOR = 0.8;
/** Day-to-day multiplicative noise (σ of the log). */
const DAILY_NOISE = 0.05;

/** Smooth level of the curve on day `n` (no noise, no weekly pattern), billions of tokens. */
function curveLevel(c: Curve, launch: number, n: number): number {
  const t = n - launch;
  let level = c.peak * logistic((t - c.rampDays / 2) / (c.rampDays / 8));
  if (c.fade) {
    const { mid, days, floor } = c.fade;
    level *= floor + (1 - floor) * logistic(-(n - dayNumber(mid)) / (days / 4.4));
  }
  return level;
}

/** Level × weekly pattern × noise, in tokens (a float; the caller rounds). */
export function dailyTokens(c: Curve, launch: number, n: number, rand: () => number): number {
  const wd = weekdayOf(n);
  const week = wd === 0 || wd === 6 ? (c.weekend ?? WEEKEND_FACTOR) : 1;
  return curveLevel(c, launch, n) * week * Math.exp(DAILY_NOISE * gaussian(rand)) * 1e9;
}
