/**
 * Audit-log pure pieces: which fields of which collection are sensitive, and the before/after of the ones a
 * change touched. Relationship values are compared by id; arrays (e.g. roles) as sorted lists.
 */
export const AUDIT_RETENTION_DEFAULT_DAYS = 365

/** Sensitive fields per audited collection (top-level field names). */
export const AUDITED_FIELDS: Record<string, readonly string[]> = {
  users: ['roles', 'status', 'suspendedUntil', 'enableAPIKey'],
  cars: ['status', 'price'],
  orders: ['status', 'paymentStatus', 'total'],
  payments: ['status', 'amount', 'refundedAmount'],
}

export type FieldChange = { before: unknown; after: unknown }

const norm = (v: unknown): unknown => {
  if (v === undefined || v === '') return null
  if (Array.isArray(v))
    return v
      .map(norm)
      .map((x) => (typeof x === 'object' ? JSON.stringify(x) : x))
      .sort()
  if (v && typeof v === 'object' && 'id' in v) return (v as { id: unknown }).id
  if (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v)) return Number(v)
  return v
}

/** The fields among `fields` whose value differs between `before` (null on create) and `after`. */
export function changedFields(fields: readonly string[], before: Record<string, unknown> | null | undefined, after: Record<string, unknown>): Record<string, FieldChange> {
  const out: Record<string, FieldChange> = {}
  for (const f of fields) {
    const b = before ? norm(before[f]) : null
    const a = norm(after[f])
    if (JSON.stringify(b) !== JSON.stringify(a)) out[f] = { before: b, after: a }
  }
  return out
}

/** The cut-off for retention: entries older than `days` days are purged. */
export const retentionCutoff = (days: number, now: Date = new Date()): Date => new Date(now.getTime() - days * 86_400_000)
