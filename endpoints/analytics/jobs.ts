/**
 * Analytics jobs. `audit-log-retention` (nightly) purges audit entries older than the platform setting
 * `auditRetentionDays` (default 365) with one SQL delete — the only way an entry ever goes — and folds the dashboard
 * counters' deltas into their counts (the dashboard also does before each read), so the deltas stay short.
 */
import type { Payload, TaskConfig } from 'payload'

import { compactCounters, purgeAuditLog } from '@/db/analytics'
import { dbOf } from '@/db/transaction'
import { AUDIT_RETENTION_DEFAULT_DAYS, retentionCutoff } from '@/domain/analytics/audit'

export async function auditRetentionDays(payload: Payload): Promise<number> {
  const s = (await payload.findGlobal({ slug: 'platform-settings', depth: 0, overrideAccess: true })) as { auditRetentionDays?: number | null }
  const days = Number(s?.auditRetentionDays)
  return Number.isFinite(days) && days >= 1 ? days : AUDIT_RETENTION_DEFAULT_DAYS
}

export async function purgeExpiredAuditEntries(payload: Payload, now: Date = new Date()): Promise<number> {
  return purgeAuditLog(dbOf(payload), retentionCutoff(await auditRetentionDays(payload), now))
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Payload's task list is untyped per task
export const analyticsTasks: TaskConfig<any>[] = [
  {
    slug: 'audit-log-retention',
    schedule: [{ cron: '41 2 * * *', queue: 'default' }],
    handler: async ({ req }) => ({ output: { purged: await purgeExpiredAuditEntries(req.payload), countersFolded: await compactCounters(dbOf(req.payload)) } }),
  },
]
