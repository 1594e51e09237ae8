/** Favorites SQL: the users who favorited a car, the duplicate check, and the item's `favoritesCount`. */
import { sql, type Tx } from '@/db/transaction'

export type FavoriteTable = 'cars' | 'parts'

/** Users who favorited the car, by id. */
export async function carFans(tx: Tx, car: number): Promise<number[]> {
  const res = await tx.execute(sql`select distinct user_id from favorites where item_type = 'cars' and item_id = ${car} order by user_id`)
  return res.rows.map((r) => Number(r.user_id))
}

/** The id of the user's favorite of this item, or null. */
export async function existingFavorite(tx: Tx, user: number, type: FavoriteTable, item: number): Promise<number | null> {
  const res = await tx.execute(sql`select id from favorites where user_id = ${user} and item_type = ${type} and item_id = ${item} limit 1`)
  return res.rows.length ? Number(res.rows[0].id) : null
}

/** Moves the item's `favoritesCount` by exactly one (never below zero). */
export async function bumpFavoritesCount(tx: Tx, type: FavoriteTable, id: number, delta: 1 | -1): Promise<void> {
  const table = sql.raw(type === 'cars' ? 'cars' : 'parts')
  if (delta === 1) await tx.execute(sql`update ${table} set favorites_count = coalesce(favorites_count, 0) + 1 where id = ${id}`)
  else await tx.execute(sql`update ${table} set favorites_count = greatest(coalesce(favorites_count, 0) - 1, 0) where id = ${id}`)
}

/** Users who favorited (watch) a part. */
export async function partWatchers(tx: Tx, part: number): Promise<number[]> {
  const res = await tx.execute(sql`select distinct user_id from favorites where item_type = 'parts' and item_id = ${part} order by user_id`)
  return res.rows.map((r) => Number(r.user_id))
}
