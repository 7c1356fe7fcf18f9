/** Authors named in a request: every endpoint refuses an unknown one alike (a located 400). */
import { sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/db";
import { textArray } from "@/db/pg-array";
import { QueryError } from "./errors";

/** Throws a QueryError naming each author with no model in the catalogue (the `other` bucket is not one). */
export async function assertKnownAuthors(db: Db, authors: string[]): Promise<void> {
  if (!authors.length) return;
  const rows = await rowsOf<{ author: string }>(db, sql`select distinct author from models where kind = 'model' and author = any(${textArray(authors)}::text[])`);
  const known = new Set(rows.map((r) => r.author));
  const details = authors.flatMap((a, i) => (known.has(a) ? [] : [{ path: `query.authors[${i}]`, message: `unknown author "${a}"` }]));
  if (details.length) throw new QueryError(400, details[0].message, details);
}
