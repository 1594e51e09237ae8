/**
 * "Private unless declared public": the one field-privacy helper.
 *
 * `privateField({ readers })` returns the field's `access.read` (built from the declaration) and records
 * the declaration in the field's `custom.privacy`, so tests and the privacy plugin find every private field
 * from the collection configs alone.
 *
 *   { name: 'phone', type: 'text', ...privateField({ readers: ['admin', { owner: 'user' }] }) }
 *   { name: 'pin', type: 'text', ...privateField({ readers: ['admin', { owner: 'user' }] }, { create: never }) }
 *
 * Readers:
 * - a role (`'admin'`, `'editor'`, …): every user holding it;
 * - `'self'`: the document is the caller's own user document (users collection);
 * - `{ owner: 'seller' }`: the caller is the user referenced by that top-level field of the document
 *   (relationship to users; hasMany too);
 * - `{ rule, test }`: a named predicate over (caller, full document), for counterparts such as a spot's owner.
 *
 * `lists: false` keeps the field out of every list response (REST list, GraphQL plural query), even for its
 * readers: it appears only on a single-document read (enforced by src/plugins/privacy.ts).
 * Field access in Payload is evaluated on the document as read. A whole read carries the owner field (even when
 * the owner field itself is private); a narrowed read (`select` without the owner field, a relation's
 * `defaultPopulate`) does not, and `readWithStoredOwner` (installed on every collection by src/plugins/privacy.ts)
 * then looks the owner up in the stored document, so the owner still reads what a whole read shows them.
 */
import type { CollectionSlug, FieldAccess, PayloadRequest } from 'payload'

import { idKey } from '@/domain/ids'
import { selectOf } from '@/lib/read-needs'

import { type AccessUser, type Role, ROLES, userHasRole, userOf } from './roles'

export type Reader = Role | 'self' | { owner: string } | { rule: string; test: (user: AccessUser, doc: Record<string, unknown>) => boolean }

export interface PrivacyDeclaration {
  readers: readonly Reader[]
  /** `false`: never included in list responses (single-document reads only). Default `true`. */
  lists?: boolean
}

export const PRIVACY_KEY = 'privacy' as const

/** Whether `user` may read a field declared with `decl` on `doc` (the full stored document). */
export function mayRead(decl: PrivacyDeclaration, user: AccessUser | null | undefined, doc: Record<string, unknown> | null | undefined): boolean {
  if (!user) return false
  const me = String(user.id)
  return decl.readers.some((r) => {
    if (typeof r === 'string') {
      if (r === 'self') return idKey(doc?.id) === me
      return (ROLES as readonly string[]).includes(r) && userHasRole(user, r)
    }
    if ('owner' in r) {
      const value = doc?.[r.owner]
      const ids = Array.isArray(value) ? value.map(idKey) : [idKey(value)]
      return ids.includes(me)
    }
    return Boolean(doc && r.test(user, doc))
  })
}

/** Describes readers for humans (docs, test failure messages). */
export const describeReaders = (decl: PrivacyDeclaration): string =>
  decl.readers.map((r) => (typeof r === 'string' ? r : 'owner' in r ? `owner:${r.owner}` : `rule:${r.rule}`)).join(', ') + (decl.lists === false ? ' (single reads only)' : '')

type FieldAccessMap = { create?: FieldAccess; update?: FieldAccess }

/**
 * Spread into a field: sets `access.read` from the declaration (plus any create/update access given) and
 * records the declaration in `custom.privacy`.
 */
export function privateField(decl: PrivacyDeclaration, access: FieldAccessMap = {}) {
  const read: FieldAccess = ({ req, doc }) => mayRead(decl, userOf(req), doc as Record<string, unknown> | undefined)
  // Also on the function itself, so a field that sets its own `custom` later still carries the declaration.
  Object.assign(read, { [PRIVACY_KEY]: decl })
  return {
    access: { ...access, read },
    custom: { [PRIVACY_KEY]: decl },
  }
}

/** The owner fields (`{ owner: 'seller' }` readers) a declaration names. */
export const ownerFieldsOf = (decl: PrivacyDeclaration): string[] => decl.readers.flatMap((r) => (typeof r === 'object' && 'owner' in r ? [r.owner] : []))

type Doc = Record<string, unknown>
/** Per request: `collection:id:fields` → those fields of the stored document. */
const storedReads = new WeakMap<object, Map<string, Promise<Doc | null>>>()

/**
 * Fields of a stored document, read once per request (by the request's transaction, when it has one), for read
 * rules and read hooks that decide on a field a narrowed read (`select`, `defaultPopulate`) left out.
 */
export function storedFields(req: PayloadRequest, collection: string, id: unknown, fields: readonly string[]): Promise<Doc | null> {
  let reads = storedReads.get(req)
  if (!reads) storedReads.set(req, (reads = new Map()))
  const key = `${collection}:${String(id)}:${fields.join(',')}`
  let read = reads.get(key)
  if (!read) {
    read = req.payload.db.findOne({ collection: collection as CollectionSlug, where: { id: { equals: id } }, select: selectOf(fields), req }).then((d) => (d ?? null) as Doc | null)
    reads.set(key, read)
  }
  return read
}

/**
 * `privateField`'s read access for a field of `collection` whose readers name owner fields. Decided on the document
 * as read when it can be; when the caller is signed in, not a reader by role, and the document was read without an
 * owner field, the owner fields are read from the stored document (once per request and document) and the
 * declaration is decided on them. Anonymous callers and whole reads never cause a query.
 */
export function readWithStoredOwner(decl: PrivacyDeclaration, collection: string): FieldAccess {
  const owners = ownerFieldsOf(decl)
  const read: FieldAccess = ({ req, doc }) => {
    const user = userOf(req)
    const d = doc as Doc | undefined
    if (mayRead(decl, user, d)) return true
    // A narrowed read leaves an unselected field undefined (a whole read has it, null when empty).
    if (!user || !d || d.id == null || owners.every((o) => d[o] !== undefined)) return false
    return storedFields(req, collection, d.id, owners).then((stored) => Boolean(stored) && mayRead(decl, user, { ...d, ...stored }))
  }
  Object.assign(read, { [PRIVACY_KEY]: decl })
  return read
}

/** The privacy declaration of a field config, if it has one. */
export const privacyOf = (field: unknown): PrivacyDeclaration | null => {
  const f = field as { custom?: Record<string, unknown>; access?: { read?: unknown } } | null
  const fromCustom = f?.custom?.[PRIVACY_KEY] as PrivacyDeclaration | undefined
  const fromAccess = (f?.access?.read as { [PRIVACY_KEY]?: PrivacyDeclaration } | undefined)?.[PRIVACY_KEY]
  return fromCustom ?? fromAccess ?? null
}

// ---------- common reader sets ----------

/** The user referenced by `field`, and admins. */
export const ownerAndAdmin = (field: string): Reader[] => ['admin', { owner: field }]
/** The user document itself, and admins. */
export const selfAndAdmin: Reader[] = ['admin', 'self']
