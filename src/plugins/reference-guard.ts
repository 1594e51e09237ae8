/**
 * A client refers only to documents it may read. A create or update body from REST or GraphQL names other documents
 * through relationship and upload fields; Payload checks only that they exist (the foreign key) unless a field has
 * `filterOptions`. So a buyer could review a listing still in moderation (and move its rating), and any client could
 * probe which ids exist behind the read rules. This guard, last among every collection's `beforeChange` hooks (after
 * access, and after the collection's own hooks have stamped what the server decides), refuses with 400 a write that
 * would store a reference the client sent to a document the caller's read access does not reach:
 * - only references the client's body holds count (the input guard notes them on the request): a value a hook
 *   overwrote (an owner stamped from the caller) or chose itself is the server's business;
 * - an update, or a duplicate, may keep a reference the original already holds (a review of a listing since sold,
 *   resent by the admin panel with the rest of the document);
 * - each referenced collection's read access is evaluated for the caller once: `true` passes without a query, a
 *   `where` is checked with one query per referenced collection (the ids and the rule together), `false` refuses;
 * - a field marked `custom: { referencesAny: '<why>' }` may name any existing document.
 * Server-side writes (the Local API, `overrideAccess`, a workflow endpoint's own data) are not checked.
 */
import type { CollectionBeforeChangeHook } from 'payload'

import { unreadableIds, unseenReference } from '@/access/readable'
import { type FieldShape, referencesIn } from '@/domain/input-shape'
import { invalidFields } from '@/lib/http'

import { clientReferencesOf } from './input-guards'
import { markInert } from './inert-hooks'

const keyOf = (r: { relationTo: string; id: string }) => `${r.relationTo}:${r.id}`

export const referenceGuard: CollectionBeforeChangeHook = async ({ collection, data, originalDoc, req }) => {
  const inBody = clientReferencesOf(req, collection.slug)
  if (!inBody?.length) return data
  const fields = collection.flattenedFields as unknown as FieldShape[]
  const sent = new Set(inBody.map(keyOf))
  const held = new Set(referencesIn(fields, originalDoc).map(keyOf))
  const fresh = referencesIn(fields, data).filter((r) => sent.has(keyOf(r)) && !held.has(keyOf(r)))
  if (!fresh.length) return data

  const bySlug = new Map<string, Set<string>>()
  for (const r of fresh) bySlug.set(r.relationTo, (bySlug.get(r.relationTo) ?? new Set()).add(r.id))
  const denied = new Set<string>()
  for (const [slug, ids] of bySlug) for (const id of await unreadableIds(req, slug, [...ids])) denied.add(`${slug}:${id}`)
  if (!denied.size) return data
  // named where the client put them (a hook may have copied a value elsewhere too: a conversation's unread rows)
  const refused = inBody.filter((r) => denied.has(keyOf(r)))
  throw invalidFields(refused.map((r) => ({ path: r.path, message: unseenReference(r.path, r.relationTo, r.id) })))
}
// Writes only: no fast path writes through Payload's operations (src/plugins/inert-hooks.ts).
markInert(referenceGuard)
