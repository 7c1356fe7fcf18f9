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
    } else if (values(first) !== values(r)) {
      issues.add(r.path, `restates ${first.path} for the same key with different values (${values(first)} vs ${values(r)})`);
    }
  });
  issues.throwIfAny("conflicting duplicate rows");
  return kept.length === rows.length ? rows : kept;
}
