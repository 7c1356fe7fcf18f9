/**
 * Parsers of single query values for the view state (state.ts): each turns the text into its value or the
 * problems found, located within the value (`[1]` = the second series, `[0][1]` its second member). Plain
 * functions rather than a schema library, because the view state is parsed in every page's first load (a
 * schema library would add ~33 KB of JavaScript to each).
 */

export interface FieldIssue {
  /** Where in the value: indexes into its list (and the list's lists). */
  path: number[];
  message: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; issues: FieldIssue[] };
export type Field<T> = (raw: string) => Parsed<T>;

export const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
export const fail = (message: string): Parsed<never> => ({ ok: false, issues: [{ path: [], message }] });

/** One of a fixed set of words. */
export const oneOf =
  <T extends string>(values: readonly T[]): Field<T> =>
  (raw) =>
    (values as readonly string[]).includes(raw) ? ok(raw as T) : fail(`expected one of ${values.map((v) => `"${v}"`).join(", ")}`);

/** Text of at most `max` characters matching `pattern`. */
export const token =
  (pattern: RegExp, max: number, patternMessage: string): Field<string> =>
  (raw) =>
    raw.length > max ? fail(`longer than ${max} characters`) : pattern.test(raw) ? ok(raw) : fail(patternMessage);

/** A calendar day written YYYY-MM-DD. */
export const day: Field<string> = (raw) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(raw)) return fail("expected YYYY-MM-DD");
  const d = new Date(`${raw}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(raw) ? ok(raw) : fail("not a calendar date");
};

/** A whole number from `min` to `max`, written as `pattern` allows. */
export const wholeNumber =
  (min: number, max: number, message = "expected a whole number", pattern = /^\s*[+-]?\d+\s*$/): Field<number> =>
  (raw) => {
    if (!pattern.test(raw)) return fail(message);
    const n = Number(raw);
    return n < min ? fail(`at least ${min}`) : n > max ? fail(`at most ${max}`) : ok(n);
  };

/** Any text passing `test` (`message` otherwise), then `map`ped. */
export const text =
  <T>(test: (raw: string) => boolean, message: string, map: (raw: string) => T): Field<T> =>
  (raw) =>
    test(raw) ? ok(map(raw)) : fail(message);

/** Items parsed one by one (problems located at their index), at most `max` of them. */
export function listOf<I, T>(item: (raw: I) => Parsed<T>, max: number, tooMany: string): (items: I[]) => Parsed<T[]> {
  return (items) => {
    const issues: FieldIssue[] = items.length > max ? [{ path: [], message: tooMany }] : [];
    const values: T[] = [];
    items.forEach((raw, i) => {
      const p = item(raw);
      if (p.ok) values.push(p.value);
      else issues.push(...p.issues.map((is) => ({ path: [i, ...is.path], message: is.message })));
    });
    return issues.length ? { ok: false, issues } : ok(values);
  };
}
