/**
 * Reading a listed price in any format, reporting (never throwing) what is wrong with it: "1e2000", 1e25
 * and 1e400 once escaped the parsers as exceptions and answered 500. Three units arrive:
 *
 * - `per-token`: OpenRouter's catalogue, decimal strings in USD per token; negative ("-1") = dynamic (null).
 * - `per-million-float`: the tracker CSV, USD per 1M computed with floats (0.09999999999999999 means 0.1);
 *   negative (−1,000,000 from "-1" × 1e6) = dynamic; "" = the key was absent, which OpenRouter uses for 0.
 * - `per-million`: our canonical snapshot, exact decimals; negative is a mistake; null = unknown.
 */
import type { IssueList } from "./errors";
import type { PricePerM } from "./types";
import { describe, isDecimalString, normalizeDecimal, perMillionFromFloat, perTokenToPerMillion, priceFits } from "./values";

export type PriceUnit = "per-token" | "per-million-float" | "per-million";

/** Exponents beyond this are refused before any digits are built ("1e2000" would be 2000 digits). */
const MAX_EXPONENT = 100;
const EXPONENT_RE = /[eE]([+-]?\d+)$/;

const HINT: Record<PriceUnit, string> = {
  "per-token": "USD per token",
  "per-million-float": "USD per 1M tokens",
  "per-million": "USD per 1M tokens",
};

/** The price in USD per 1M (null = dynamic/unknown), or undefined after reporting a problem at `path`. */
export function readPrice(v: unknown, unit: PriceUnit, path: string, issues: IssueList): PricePerM | undefined {
  if (unit === "per-million" && (v === undefined || v === null)) return null;
  if (unit === "per-million-float" && v === "") return "0";
  const text = typeof v === "number" && Number.isFinite(v) ? String(v) : typeof v === "string" ? v.trim() : null;
  if (text === null || !isDecimalString(text)) {
    issues.add(path, `must be a decimal (${HINT[unit]})${unit === "per-million" ? " or null" : ""}, got ${describe(v)}`);
    return undefined;
  }
  const exp = EXPONENT_RE.exec(text);
  if (exp && Math.abs(Number(exp[1])) > MAX_EXPONENT) {
    issues.add(path, `is out of range (exponent ${exp[1]})`);
    return undefined;
  }
  let price: PricePerM;
  if (unit === "per-token") price = perTokenToPerMillion(text);
  else if (unit === "per-million-float") {
    const n = Number(text);
    // Far below toFixed's exponent switch (1e21); priceFits refuses anything ≥ 1e10 anyway.
    if (n >= 1e12) return tooLarge(path, issues);
    price = perMillionFromFloat(n);
  } else {
    const d = normalizeDecimal(text)!;
    if (d.negative) {
      issues.add(path, "must not be negative (use null for a dynamic or unknown price)");
      return undefined;
    }
    price = d.value;
  }
  return price === null || priceFits(price) ? price : tooLarge(path, issues);
}

function tooLarge(path: string, issues: IssueList): undefined {
  issues.add(path, "is too large (at most 10 digits before the decimal point, per 1M tokens)");
  return undefined;
}
