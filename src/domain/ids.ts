/**
 * Ids of relationship values. Payload hands a relationship as an id (`5`), a string id (`'5'`) or a populated
 * document (`{ id: 5, … }`); ids are serial, so only positive integers count.
 */
export function idOf(v: unknown): number | null {
  const raw = v !== null && typeof v === 'object' ? (v as { id?: unknown }).id : v
  if (raw === null || raw === undefined || raw === '' || typeof raw === 'boolean') return null
  const n = Number(raw)
  return Number.isInteger(n) && n > 0 ? n : null
}

/** The id as a string key (Map/Set keys, comparisons with `req.user.id`); `null` when there is none. */
export function idKey(v: unknown): string | null {
  const raw = v !== null && typeof v === 'object' ? (v as { id?: unknown }).id : v
  return raw === null || raw === undefined || raw === '' ? null : String(raw)
}

/** Whether two relationship values point at the same document. */
export const sameId = (a: unknown, b: unknown): boolean => {
  const x = idKey(a)
  return x !== null && x === idKey(b)
}
