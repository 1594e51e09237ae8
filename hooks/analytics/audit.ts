/**
 * Audit-log writers, attached by the analytics plugin to other domains' collections and to the platform
 * settings global. Each compares the sensitive fields (src/domain/analytics/audit.ts) before and after the
 * change and, when one changed, appends an `audit-log` entry in the same transaction (the request's): the
 * entry exists exactly when the change does. Entries are written in SQL (src/db/analytics.ts), never through
 * Payload, whose every create of an entry is refused.
 */
import type { CollectionAfterChangeHook, GlobalAfterChangeHook, PayloadRequest } from 'payload'

import { userOf } from '@/access/roles'
import { insertAuditEntry } from '@/db/analytics'
import { txOf } from '@/db/transaction'
import { AUDITED_FIELDS, changedFields, type FieldChange } from '@/domain/analytics/audit'
import { clientIp } from '@/lib/request'

export async function writeAudit(
  req: PayloadRequest,
  entry: { entity: string; docId: string | number | null; action: 'create' | 'update' | 'delete'; changes: Record<string, FieldChange>; summary: string },
): Promise<void> {
  const actor = userOf(req)
  await insertAuditEntry(await txOf(req), {
    entity: entry.entity,
    docId: entry.docId === null ? null : String(entry.docId),
    action: entry.action,
    actor: actor ? Number(actor.id) : null,
    ip: clientIp(req) || null,
    summary: entry.summary.slice(0, 500),
    changes: entry.changes,
  })
}

const describe = (changes: Record<string, FieldChange>): string =>
  Object.entries(changes)
    .map(([f, c]) => `${f}: ${JSON.stringify(c.before)} → ${JSON.stringify(c.after)}`)
    .join('; ')

/** An afterChange hook auditing `slug`'s sensitive fields (updates; creates too when `onCreate`). */
export function auditChanges(slug: string, opts: { onCreate?: boolean } = {}): CollectionAfterChangeHook {
  const fields = AUDITED_FIELDS[slug] ?? []
  return async ({ doc, previousDoc, operation, req }) => {
    if (operation === 'create' && !opts.onCreate) return doc
    const changes = changedFields(fields, operation === 'create' ? null : previousDoc, doc)
    if (!Object.keys(changes).length) return doc
    await writeAudit(req, { entity: slug, docId: doc.id, action: operation, changes, summary: `${slug} #${doc.id} ${operation}: ${describe(changes)}` })
    return doc
  }
}

const IGNORED_GLOBAL_KEYS = new Set(['id', 'createdAt', 'updatedAt', 'globalType'])

/** Platform settings: every changed top-level setting. */
export const auditPlatformSettings: GlobalAfterChangeHook = async ({ doc, previousDoc, req, global }) => {
  const keys = [...new Set([...Object.keys(doc ?? {}), ...Object.keys(previousDoc ?? {})])].filter((k) => !IGNORED_GLOBAL_KEYS.has(k))
  const changes = changedFields(keys, previousDoc ?? {}, doc ?? {})
  if (Object.keys(changes).length) await writeAudit(req, { entity: global.slug, docId: null, action: 'update', changes, summary: `${global.slug}: ${describe(changes)}` })
  return doc
}
