/** Listing views: the dedup window, the counter on the car, and the caller's recently viewed cars. */
import { sql, type Tx } from '@/db/transaction'

/** Whether `viewerKey` viewed the car after `since`. */
export async function viewedSince(tx: Tx, car: number, viewerKey: string, since: Date): Promise<boolean> {
  const res = await tx.execute(sql`select 1 from listing_views where car_id = ${car} and viewer_key = ${viewerKey} and created_at > ${since.toISOString()}::timestamptz limit 1`)
  return res.rows.length > 0
}

/** The car's view counter. */
export async function viewsCountOf(tx: Tx, car: number): Promise<number> {
  const res = await tx.execute(sql`select views_count from cars where id = ${car}`)
  return Number(res.rows[0]?.views_count ?? 0)
}

/** Adds one to the car's view counter; returns the new count. */
export async function incrementViews(tx: Tx, car: number): Promise<number> {
  const res = await tx.execute(sql`update cars set views_count = coalesce(views_count, 0) + 1 where id = ${car} returning views_count`)
  return Number(res.rows[0]?.views_count ?? 0)
}

/** The user's most recently viewed distinct cars, newest first: `car → last viewed at` in that order. */
export async function recentlyViewedCars(tx: Tx, user: number, limit: number): Promise<Map<number, string>> {
  const rows = await tx.execute(sql`
    select car_id, max(created_at) as viewed_at from listing_views
    where user_id = ${user}
    group by car_id order by viewed_at desc, car_id desc limit ${limit}`)
  return new Map(rows.rows.map((r) => [Number(r.car_id), new Date(r.viewed_at as string).toISOString()]))
}
