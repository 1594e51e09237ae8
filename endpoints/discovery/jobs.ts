/**
 * Discovery jobs. `saved-search-alerts` (every minute) checks each due saved search — instant ones on every
 * run, daily/weekly ones once per period — for active listings published since the last check that match
 * its filters, and notifies the owner (`saved_search_match`). Each search is claimed with a conditional
 * UPDATE of `last_checked_at`, so two workers never notify twice for one window.
 */
import { createLocalReq, type Payload, type PayloadRequest, type TaskConfig } from 'payload'

import { sql, withTransaction } from '@/db/transaction'
import { type AlertFrequency, alertWindowStart, carFiltersToWhere, describeFilters, FREQUENCY_MS, isDue, parseCarFilters } from '@/domain/discovery/search-filters'
import { notify } from '@/notifications/notify'

const BATCH = 500
const idOf = (v: unknown): number | null => {
  const n = Number(v && typeof v === 'object' ? (v as { id?: unknown }).id : v)
  return Number.isInteger(n) && n > 0 ? n : null
}
const dateOf = (v: unknown): Date | null => (v ? new Date(v as string) : null)

export interface AlertRun {
  checked: number
  notified: number
  /** `savedSearchId → matching car ids` for the searches that notified. */
  matches: Record<number, number[]>
}

export async function runSavedSearchAlerts(payload: Payload, now: Date = new Date()): Promise<AlertRun> {
  const dayAgo = new Date(now.getTime() - FREQUENCY_MS.daily).toISOString()
  const weekAgo = new Date(now.getTime() - FREQUENCY_MS.weekly).toISOString()
  const due = await payload.find({
    collection: 'saved-searches' as never,
    where: {
      and: [
        { alertsEnabled: { equals: true } },
        {
          or: [
            { alertFrequency: { equals: 'instant' } },
            { lastCheckedAt: { exists: false } },
            { and: [{ alertFrequency: { equals: 'daily' } }, { lastCheckedAt: { less_than_equal: dayAgo } }] },
            { and: [{ alertFrequency: { equals: 'weekly' } }, { lastCheckedAt: { less_than_equal: weekAgo } }] },
          ],
        },
      ],
    },
    sort: 'lastCheckedAt',
    limit: BATCH,
    depth: 0,
    overrideAccess: true,
  })
  const run: AlertRun = { checked: 0, notified: 0, matches: {} }
  for (const s of due.docs as unknown as Record<string, unknown>[]) {
    const lastCheckedAt = dateOf(s.lastCheckedAt)
    if (!isDue(s.alertFrequency as AlertFrequency, lastCheckedAt, now)) continue
    const owner = idOf(s.user)
    if (!owner) continue
    const req = (await createLocalReq({}, payload)) as PayloadRequest
    await withTransaction(req, async (tx) => {
      const claimed = await tx.execute(sql`update saved_searches set last_checked_at = ${now.toISOString()}::timestamptz
        where id = ${Number(s.id)} and last_checked_at is not distinct from ${lastCheckedAt ? lastCheckedAt.toISOString() : null}::timestamptz
        returning id`)
      if (!claimed.rows.length) return // another worker took this window
      run.checked++
      const since = alertWindowStart({ lastCheckedAt, lastNotifiedAt: dateOf(s.lastNotifiedAt), createdAt: new Date(s.createdAt as string) })
      const { filters } = parseCarFilters(s.filters)
      const where = carFiltersToWhere(
        filters,
        { status: { equals: 'active' } },
        { publishedAt: { greater_than: since.toISOString() } },
        { publishedAt: { less_than_equal: now.toISOString() } },
        { seller: { not_equals: owner } },
      )
      const found = await payload.find({ collection: 'cars', where: where as never, sort: '-publishedAt', limit: 10, depth: 0, overrideAccess: true, req })
      if (!found.totalDocs) return
      const ids = found.docs.map((d) => Number(d.id))
      const titles = found.docs.slice(0, 3).map((d) => String((d as { title?: unknown }).title))
      const name = String(s.name)
      const summary = describeFilters(filters)
      await notify(req, {
        user: owner,
        type: 'saved_search_match',
        title: { en: `${found.totalDocs} new match${found.totalDocs === 1 ? '' : 'es'} for "${name}"`, ar: `نتائج جديدة (${found.totalDocs}) لبحثك "${name}"` },
        message: {
          en: `New listings match your saved search (${summary}): ${titles.join(', ')}${found.totalDocs > titles.length ? '…' : ''}`,
          ar: `إعلانات جديدة تطابق بحثك المحفوظ: ${titles.join('، ')}`,
        },
        data: { savedSearch: s.id, cars: ids, count: found.totalDocs },
        actionUrl: `/saved-searches/${s.id}`,
      })
      await tx.execute(sql`update saved_searches set last_notified_at = ${now.toISOString()}::timestamptz, last_match_count = ${found.totalDocs} where id = ${Number(s.id)}`)
      run.notified++
      run.matches[Number(s.id)] = ids
    })
  }
  return run
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const discoveryTasks: TaskConfig<any>[] = [
  {
    slug: 'saved-search-alerts',
    label: 'Saved-search alerts',
    schedule: [{ cron: '* * * * *', queue: 'default' }],
    retries: 2,
    handler: async ({ req }) => {
      const { checked, notified } = await runSavedSearchAlerts(req.payload, new Date())
      return { output: { checked, notified } }
    },
  },
]
