import { IssueList } from "./errors";
import { eachInSlices } from "./slices";

/**
 * Postgres refuses to upsert one key twice in a statement, and two different values for one key in one
 * snapshot are a contradiction: identical repeats collapse, conflicting ones reject the snapshot naming both
 * rows. Read in slices (lib/ingest/slices.ts): usage snapshots run to hundreds of thousands of rows.
 */
export async function collapseDuplicates<T extends { path: string }, K = string>(rows: T[], key: (r: T) => K, values: (r: T) => string): Promise<T[]> {
  const issues = new IssueList();
  const seen = new Map<K, T>();
  const kept: T[] = [];
  await eachInSlices(rows, (r) => {
    const k = key(r);
    const first = seen.get(k);
    if (!first) {
      seen.set(k, r);
      kept.push(r);
    } else checkRepeat(issues, first, r, values);
  });
  issues.throwIfAny("conflicting duplicate rows");
  return kept.length === rows.length ? rows : kept;
}

/**
 * collapseDuplicates for keys that are integers in [0, size), one per row index (`keyOf(i)`): the first row
 * of each key is found in a typed array when `size` is small (no hashing, nothing for the garbage collector),
 * else in a Map of numbers. The kept list is only built once a repeat turns up (most snapshots have none).
 */
export async function collapseDuplicatesByIndex<T extends { path: string }>(
  rows: T[],
  keyOf: (index: number) => number,
  size: number,
  values: (r: T) => string,
): Promise<T[]> {
  const issues = new IssueList();
  const firstOf = firstIndexTable(size, rows.length);
  let kept: T[] | null = null;
  await eachInSlices(rows, (r, i) => {
    const first = firstOf.claim(keyOf(i), i);
    if (first < 0) kept?.push(r);
    else {
      kept ??= rows.slice(0, i); // every row before the first repeat was kept
      checkRepeat(issues, rows[first], r, values);
    }
  });
  issues.throwIfAny("conflicting duplicate rows");
  return kept ?? rows;
}

function checkRepeat<T extends { path: string }>(issues: IssueList, first: T, r: T, values: (r: T) => string): void {
  if (values(first) !== values(r)) {
    issues.add(r.path, `restates ${first.path} for the same key with different values (${values(first)} vs ${values(r)})`);
  }
}

/** A slot table costs 4 bytes per possible key: allowed up to this many per row (or this floor). */
const SLOTS_PER_ROW = 8;
const MIN_SLOTS = 1 << 16;

/** `claim(key, i)`: the index that claimed `key` first, or -1 after claiming it for `i`. */
function firstIndexTable(size: number, rows: number): { claim: (key: number, index: number) => number } {
  if (size <= Math.max(MIN_SLOTS, SLOTS_PER_ROW * rows)) {
    const slots = new Int32Array(size); // index + 1; 0 = unclaimed
    return {
      claim: (key, index) => {
        const first = slots[key] - 1;
        if (first < 0) slots[key] = index + 1;
        return first;
      },
    };
  }
  const map = new Map<number, number>();
  return {
    claim: (key, index) => {
      const first = map.get(key);
      if (first !== undefined) return first;
      map.set(key, index);
      return -1;
    },
  };
}
