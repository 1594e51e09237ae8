/**
 * Payload's own collections and globals under the platform's rules. Payload adds them while it sanitizes the config,
 * after every plugin ran (edit locks, admin preferences, migrations, the jobs queue and its stats, the key-value
 * store), so neither `platformGuards` nor any collection module saw them. Applied to the sanitized config
 * (payload.config.ts), before Payload starts:
 *
 * - each gets the platform's guards (src/plugins/guards.ts): a client's `limit`, `where`, `sort`, locale and body are
 *   checked first (a 400 naming the field, never Payload's 500 for a polymorphic relationship queried by value), pages
 *   are clamped, and suspended accounts write nothing;
 * - access is declared where Payload leaves "any signed-in user" (its `defaultAccess`), so a buyer can no longer
 *   rewrite another user's preferences, Payload's scheduling stats, or anyone's edit lock:
 *   - `payload-preferences`: read, update and delete one's own (Payload's rule for read and delete, now for update too);
 *   - `payload-locked-documents`: read the locks of the documents and globals one may edit (update access), from an
 *     account that may use the admin panel — a seller sees who edits their own car, not that another seller's draft
 *     is open; take over (update) or release (delete) one only when one may update its document; a client's update
 *     names the requester as the lock's user, whatever the body says; no client creates a lock (Payload writes its
 *     locks through the database adapter, which no access applies to);
 *   - `payload-migrations`: nobody over the API (the migration commands use the adapter and the Local API);
 *   - `payload-jobs-stats`: read by admins, written by Payload's scheduler alone (through the adapter);
 * - a collection or global without REST routes (`endpoints: false`: migrations) answers 404, not Payload's 501.
 *
 * Each access rule is the collection's own where Payload's is kept; tests/access/payload.rows.ts holds the matrix, and
 * tests/int/access-matrix.test.ts fails for a Payload collection added later without rows.
 */
import type { Access, CollectionBeforeChangeHook, PayloadRequest, SanitizedCollectionConfig, SanitizedConfig, SanitizedGlobalConfig, Where } from 'payload'

import { isAdmin, isAdminUser, nobody, userOf } from '@/access'
import { idsMatching } from '@/access/readable'

import { guardedGlobalOperations, guardedOperations, isGuarded, isGuardedGlobal } from './guards'

/** The rule of an operation, as Payload evaluates it without a document (what the admin panel's permissions do). */
async function ruleOf(access: Access | undefined, req: PayloadRequest): Promise<boolean | Where> {
  if (!access) return false
  try {
    return (await access({ req })) || false
  } catch {
    return false // an access function that needs a document decides nothing here
  }
}

const allows = async (access: Access | undefined, req: PayloadRequest): Promise<boolean> => Boolean(await ruleOf(access, req))

type Lock = { id: number | string; document?: { relationTo: string; value: unknown } | null; globalSlug?: string | null }

/**
 * The ids of the locks `req`'s user may see. The locks are listed first, all of them: a few, one per document or global
 * open in the panel (Payload deletes a collection's expired locks whenever it locks one of its documents), in one query
 * without a `where` — a `where` on the polymorphic `document` costs the adapter 3–6 ms to build for a panel user who may
 * edit thirty collections, more than the listing. Then each collection holding any is judged by its update rule: `true`
 * shows its locks, a `where` those whose document it matches (one query per such collection; a rule can match many
 * documents, a dealer's cars, so it is never enumerated), `false` none; a global's lock shows when one may update the
 * global.
 */
async function visibleLocks(req: PayloadRequest): Promise<(number | string)[]> {
  const { config } = req.payload
  const { docs } = await req.payload.db.find({ collection: 'payload-locked-documents', limit: 0, pagination: false, select: { document: true, globalSlug: true }, req })
  const byCollection = new Map<string, { lock: Lock['id']; doc: string }[]>()
  const byGlobal = new Map<string, Lock['id'][]>()
  const add = <V>(map: Map<string, V[]>, key: string, value: V) => (map.get(key) ?? map.set(key, []).get(key)!).push(value)
  for (const { id, document, globalSlug } of docs as Lock[]) {
    if (globalSlug) add(byGlobal, globalSlug, id)
    if (!document) continue
    const value = typeof document.value === 'object' && document.value ? (document.value as { id: unknown }).id : document.value
    add(byCollection, document.relationTo, { lock: id, doc: String(value) })
  }
  const visible: (number | string)[] = []
  for (const [slug, held] of byCollection) {
    const collection = config.collections.find((c) => c.slug === slug)
    const rule = !collection || collection.lockDocuments === false ? false : await ruleOf(collection.access.update, req)
    if (rule === false) continue
    const matched = rule === true ? null : await idsMatching(req, slug, [...new Set(held.map((h) => h.doc))], rule)
    for (const h of held) if (!matched || matched.has(h.doc)) visible.push(h.lock)
  }
  for (const [slug, locks] of byGlobal) {
    const global = config.globals.find((g) => g.slug === slug)
    if (global && global.lockDocuments !== false && (await allows(global.access.update, req))) visible.push(...locks)
  }
  return visible
}

const editable = new WeakMap<PayloadRequest, Promise<boolean | Where>>()
/** A rule no lock matches (every row has an id). */
const NO_LOCK: Where = { id: { exists: false } }

/**
 * The edit locks a user may see: those of the documents and globals the user may update (`visibleLocks`), when the
 * account may use the admin panel (the users collection's `access.admin`); every lock for an admin. Once per request:
 * the panel's form state reads the lock on every change.
 */
export const locksOfEditable: Access = ({ req }) => {
  const known = editable.get(req)
  if (known) return known
  const answer = (async (): Promise<boolean | Where> => {
    const user = userOf(req)
    if (!user) return false
    if (isAdminUser(user)) return true
    const config = req.payload.config
    const users = config.collections.find((c) => c.slug === config.admin.user)
    if (!(await allows(users?.access.admin as Access | undefined, req))) return false
    const visible = await visibleLocks(req)
    // a panel user who may edit nothing yet reads an empty list, not a 403: the panel reads the lock of every document
    // it opens (Payload's document view), and a refusal would break the view of a document one may only read
    return visible.length ? { id: { in: visible } } : NO_LOCK
  })()
  editable.set(req, answer)
  return answer
}

/**
 * Taking over or releasing one lock (an update or delete by id): only the lock of a document the user may update
 * itself — a seller releases the lock of an own car, not of another seller's. Without an id (a bulk write), the
 * collections' rule above.
 */
export const lockOfEditable: Access = async (args) => {
  const { id, req } = args
  const rule = await locksOfEditable(args)
  if (rule === true || rule === false || id === undefined) return rule
  const lock = (await req.payload.findByID({ collection: 'payload-locked-documents', id, depth: 0, overrideAccess: true, req, disableErrors: true })) as {
    document?: { relationTo: string; value: number | string } | null
    globalSlug?: string | null
  } | null
  if (!lock) return rule // Payload answers 404
  if (lock.globalSlug) return allows(req.payload.config.globals.find((g) => g.slug === lock.globalSlug)?.access.update, req)
  const target = lock.document
  const collection = target && req.payload.config.collections.find((c) => c.slug === target.relationTo)
  if (!collection) return false
  const access = await collection.access.update({ req, id: target.value as number })
  if (!access) return false
  if (access === true) return true
  return (await idsMatching(req, target.relationTo, [target.value], access)).has(String(target.value))
}

/** A client's write of a lock names the requester as its user (the panel's "take over" sends its own user anyway). */
const lockUserIsRequester: CollectionBeforeChangeHook = ({ data, req }) => {
  const user = req.user as { id?: number | string; collection?: string } | null
  if (req.payloadAPI === 'local' || !user?.id || !user.collection || !data || !('user' in data)) return data
  return { ...data, user: { relationTo: user.collection, value: user.id } }
}

/** Access and hooks for Payload's own collections where its defaults let any signed-in user in. */
function declared(c: SanitizedCollectionConfig): void {
  switch (c.slug) {
    case 'payload-preferences':
      c.access.update = c.access.read // Payload's rule: the user's own preferences
      break
    case 'payload-locked-documents':
      Object.assign(c.access, { create: nobody, read: locksOfEditable, update: lockOfEditable, delete: lockOfEditable })
      c.hooks.beforeChange = [...(c.hooks.beforeChange ?? []), lockUserIsRequester]
      break
    case 'payload-migrations':
      Object.assign(c.access, { create: nobody, read: nobody, update: nobody, delete: nobody })
      break
  }
}

function declaredGlobal(g: SanitizedGlobalConfig): void {
  if (g.slug === 'payload-jobs-stats') Object.assign(g.access, { read: isAdmin, update: nobody })
}

/** The sanitized config with Payload's own collections and globals under the platform's rules (above). */
export function payloadOwnUnderRules(config: SanitizedConfig): SanitizedConfig {
  for (const c of config.collections) {
    if (isGuarded(c)) continue // the platform's own: guarded by platformGuards
    declared(c)
    Object.assign(c, guardedOperations(c))
    if (c.endpoints === false) c.endpoints = []
  }
  for (const g of config.globals) {
    if (isGuardedGlobal(g)) continue
    declaredGlobal(g)
    Object.assign(g, guardedGlobalOperations(g))
    if (g.endpoints === false) g.endpoints = []
  }
  return config
}
