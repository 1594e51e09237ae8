/** Slug lookups for the shared slug hook (hooks/slug.ts). */
import { sql, tableOf, type Tx } from './transaction'

/** The slugs of `collection` equal to `base` or starting with `base-`, other than document `ownId`'s. */
export async function slugsLike(tx: Tx, collection: string, base: string, ownId: number): Promise<string[]> {
  const res = await tx.execute(sql`select slug from ${sql.identifier(tableOf(collection))} where (slug = ${base} or slug like ${`${base}-%`}) and id <> ${ownId}`)
  return res.rows.map((r) => String(r.slug))
}
