/** Saved-search alert bookkeeping: claiming a check window (so two workers never notify twice) and recording a notification. */
import { sql, type Tx } from '@/db/transaction'

/**
 * Claims the window of a saved search: sets `last_checked_at` to `now` only if it is still `lastCheckedAt`
 * (a conditional UPDATE). False when another worker took it first.
 */
export async function claimSavedSearch(tx: Tx, id: number, lastCheckedAt: Date | null, now: Date): Promise<boolean> {
  const claimed = await tx.execute(sql`update saved_searches set last_checked_at = ${now.toISOString()}::timestamptz
    where id = ${id} and last_checked_at is not distinct from ${lastCheckedAt ? lastCheckedAt.toISOString() : null}::timestamptz
    returning id`)
  return claimed.rows.length > 0
}

/** Records that the search notified `count` matches at `now`. */
export async function markSavedSearchNotified(tx: Tx, id: number, now: Date, count: number): Promise<void> {
  await tx.execute(sql`update saved_searches set last_notified_at = ${now.toISOString()}::timestamptz, last_match_count = ${count} where id = ${id}`)
}
