/**
 * Which documents the caller may read, by the collection's own read access: for the guards that refuse a reference
 * to a document the caller may not see (src/plugins/reference-guard.ts for collection writes, `ref()` fields of
 * custom endpoints in src/http/define-endpoint.ts); and which of some documents an access rule matches (the edit
 * locks' read rule, src/plugins/payload-own.ts).
 */
import type { CollectionSlug, PayloadRequest, Where } from 'payload'

type ReadAccess = (args: { req: PayloadRequest }) => unknown
type Collections = Record<string, { config: { access?: { read?: ReadAccess } } } | undefined>

/**
 * The ids of `slug` among `ids` the caller of `req` may not read, or that do not exist. The read access is evaluated
 * once: `true` answers without a query, `false` refuses them all, a `where` is one query for the ids and the rule.
 */
export async function unreadableIds(req: PayloadRequest, slug: string, ids: readonly string[]): Promise<string[]> {
  if (!ids.length) return []
  const read = (req.payload.collections as Collections)[slug]?.config.access?.read
  if (!read) return [...ids]
  const rule = await read({ req })
  if (rule === true) return []
  if (!rule) return [...ids]
  const visible = await idsMatching(req, slug, ids, rule as Where)
  return ids.filter((id) => !visible.has(id))
}

/** Those of `ids` (documents of `slug`) that an access rule's `where` matches, as strings: one query. */
export async function idsMatching(req: PayloadRequest, slug: string, ids: readonly (string | number)[], rule: Where): Promise<Set<string>> {
  const found = await req.payload.db.find({
    collection: slug as CollectionSlug,
    where: { and: [{ id: { in: [...ids] } }, rule] },
    limit: ids.length,
    pagination: false,
    select: { id: true },
    req,
  })
  return new Set(found.docs.map((d) => String(d.id)))
}

/** The 400 message for a reference the caller may not follow (the same whether the document is hidden or absent). */
export const unseenReference = (path: string, slug: string, id: string | number): string => `${path}: there is no ${slug} document ${id} you can see.`
