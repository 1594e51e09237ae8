/**
 * Demo history for the dashboards: 30 days of views, favorites added and offers per active demo listing
 * (`listing-daily-stats`), the same on every machine (derived from the car id and the day), so a seller's and
 * the admin's charts have something to draw on a fresh development database.
 */
import type { Payload } from 'payload'

import { dbOf, sql } from '@/db/transaction'

export async function seedAnalytics(payload: Payload): Promise<void> {
  await dbOf(payload).execute(sql`
    insert into listing_daily_stats (car_id, seller_id, day, views, favorites, offers, updated_at, created_at)
    select c.id, c.seller_id, date_trunc('day', now() at time zone 'UTC') at time zone 'UTC' - (d || ' days')::interval,
           (c.id * 7 + d * 3) % 23, ((c.id + d) % 5 = 0)::int, ((c.id * 3 + d) % 11 = 0)::int, now(), now()
    from cars c cross join generate_series(0, 29) d
    where c.status in ('active', 'sale_pending', 'sold')
    on conflict (car_id, day) do nothing`)
}
