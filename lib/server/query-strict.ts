/**
 * What /api/v1/* checks before parsing values (lib/view/state.ts parses them): a question the API cannot
 * answer as asked is a 400 naming the parameter, never a silent default. `/api/v1/apps?model=…` (for
 * `models`) once answered all apps and `intreval=week` answered days; `top=1e1` and `0x10` were read as
 * numbers; `q=%00` reached the database. Pages do not use this: they keep ignoring unknown parameters
 * (`utm_source`, `fbclid`) because a shared link must open whatever a tracker appended.
 */
import "server-only";
import { LIMITS, LONE_SURROGATE_RE, textProblem } from "@/lib/ingest/limits";
import { VIEW_PARAMS, type ParamIssue } from "@/lib/view/state";

/** Every parameter a read route understands: the view's state and the API's own. */
const API_PARAMS: readonly string[] = [...VIEW_PARAMS, "format", "q"];

/** Parameters that are whole numbers, written with digits only. */
const WHOLE_NUMBERS = new Set(["top"]);
const CONTROL_RE = /[\u0000-\u001f\u007f]/;

/**
 * Names whose raw text in the query string is not percent-encoded UTF-8 (`q=%ed%a0%80` encodes a lone
 * surrogate): URLSearchParams reads such bytes as U+FFFD, so they are found in the raw string.
 */
function undecodableNames(search: string): Set<string> {
  const out = new Set<string>();
  for (const pair of search.replace(/^\?/, "").split("&")) {
    if (!pair.includes("%")) continue;
    try {
      for (const part of pair.split("=")) decodeURIComponent(part.replace(/\+/g, " "));
    } catch {
      out.add([...new URLSearchParams(pair)][0]?.[0] ?? "");
    }
  }
  return out;
}

/** Unknown, repeated and unreadable parameters, each located at `query.<name>`. */
export function strictQueryIssues(url: URL, allowed: readonly string[] = API_PARAMS): ParamIssue[] {
  const issues: ParamIssue[] = [];
  const seen = new Map<string, number>();
  const undecodable = undecodableNames(url.search);
  for (const [name, value] of url.searchParams) {
    const path = `query.${echo(name)}`;
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    if (n > 1) {
      if (n === 2) issues.push({ path, message: "is given more than once; give it once" });
      continue;
    }
    if (!allowed.includes(name)) {
      issues.push({ path, message: `unknown parameter; accepted: ${allowed.join(", ")}` });
      continue;
    }
    if (undecodable.has(name)) {
      issues.push({ path, message: "is not valid percent-encoded UTF-8" });
    } else if (CONTROL_RE.test(value) || LONE_SURROGATE_RE.test(value)) {
      issues.push({ path, message: "contains control characters or is not valid text" });
    } else if (WHOLE_NUMBERS.has(name) && value !== "" && !/^[0-9]+$/.test(value)) {
      issues.push({ path, message: `expected a whole number written with digits (got "${echo(value)}")` });
    }
  }
  return issues.slice(0, LIMITS.details);
}

/**
 * A path segment (an app id): refused when it is not text we could have stored — an undecodable `%`
 * sequence (`%ed%a0%80` is a UTF-8-encoded surrogate), a control character, a lone surrogate, too long.
 */
export function pathSegmentIssues(name: string, value: string): ParamIssue[] {
  let text = value;
  if (/%[0-9a-f]{2}/i.test(value)) {
    try {
      text = decodeURIComponent(value);
    } catch {
      return [{ path: name, message: "is not valid percent-encoded UTF-8" }];
    }
  }
  const problem = textProblem(text, "id");
  return problem ? [{ path: name, message: problem }] : [];
}

function echo(s: string): string {
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}
