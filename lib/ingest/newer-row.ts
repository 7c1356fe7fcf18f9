import { sql, type SQL } from "drizzle-orm";

/**
 * The per-row restatement rule: the incoming row replaces the stored one when its as_of is newer; at equal
 * as_of, when its values (in `columns` order, null lowest) are larger — the whole row decides, not just
 * the total — and when even those are equal, when its snapshot's checksum is larger, so that the row's
 * provenance does not depend on arrival order either.
 *
 * `incoming` is `excluded` in an `on conflict do update`; a merge from a staging table names the staged
 * row and the snapshot's as_of instead.
 */
export function newerRow(checksum: string, table: string, columns: string[], incoming: { row: SQL; asOf: SQL } = { row: sql`excluded`, asOf: sql`excluded.as_of` }): SQL {
  const t = sql`${sql.identifier(table)}`;
  const tuple = (side: SQL, asOf: SQL) => sql.join([asOf, ...columns.map((c) => sql`coalesce(${side}.${sql.identifier(c)}, -1)`)], sql`, `);
  const [mine, stored] = [tuple(incoming.row, incoming.asOf), tuple(t, sql`${t}.as_of`)];
  return sql`((${mine}) > (${stored})
    or ((${mine}) = (${stored}) and ${checksum} > (select checksum from snapshots where id = ${t}.snapshot_id)))`;
}
