/**
 * Discovery jobs. `saved-search-alerts` (every minute) checks each due saved search — instant ones on every
 * run, daily/weekly ones once per period — for active listings published since the last check that match
 * its filters, and notifies the owner (`saved_search_match`). Each search is claimed with a conditional
 * UPDATE of `last_checked_at`, so two workers never notify twice for one window.
 */
import { createLocalReq, type Payload, type TaskConfig, type Where as PayloadWhere } from 'payload'

import { claimSavedSearch, markSavedSearchNotified } from '@/db/discovery/saved-searches'
import { withTransaction } from '@/db/transaction'
import { alertWindowStart, carFiltersToWhere, describeFilters, FREQUENCY_MS, isDue, parseCarFilters } from '@/domain/discovery/search-filters'
import { idOf } from '@/domain/ids'
import { notify } from '@/notifications/notify'

const BATCH = 500
const dateOf = (v: string | null | undefined): Date | null => (v ? new Date(v) : null)

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
    collection: 'saved-searches',
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
  for (const s of due.docs) {
    const lastCheckedAt = dateOf(s.lastCheckedAt)
    if (!isDue(s.alertFrequency, lastCheckedAt, now)) continue
    const owner = idOf(s.user)
    if (!owner) continue
    const req = await createLocalReq({}, payload)
    await withTransaction(req, async (tx) => {
      if (!(await claimSavedSearch(tx, s.id, lastCheckedAt, now))) return // another worker took this window
      run.checked++
      const since = alertWindowStart({ lastCheckedAt, lastNotifiedAt: dateOf(s.lastNotifiedAt), createdAt: new Date(s.createdAt) })
      const { filters } = parseCarFilters(s.filters)
      const where = carFiltersToWhere(
        filters,
        { status: { equals: 'active' } },
        { publishedAt: { greater_than: since.toISOString() } },
        { publishedAt: { less_than_equal: now.toISOString() } },
        { seller: { not_equals: owner } },
      )
      const found = await payload.find({ collection: 'cars', where: where as PayloadWhere, sort: '-publishedAt', limit: 10, depth: 0, overrideAccess: true, req })
      if (!found.totalDocs) return
      const ids = found.docs.map((d) => d.id)
      const titles = found.docs.slice(0, 3).map((d) => d.title)
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
      await markSavedSearchNotified(tx, s.id, now, found.totalDocs)
      run.notified++
      run.matches[s.id] = ids
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
