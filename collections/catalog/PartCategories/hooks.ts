/** Hierarchical part categories: path and breadcrumbs derived from the parent chain; no cycles. */
import type { CollectionAfterChangeHook, CollectionBeforeChangeHook } from 'payload'

import type { PartCategory } from '@payload-types'

import { idOf } from '@/domain/ids'
import { invalidFields } from '@/lib/http'

const MAX_DEPTH = 10

/** path (`engine/filters/oil-filters`), depth and breadcrumbs (ancestors, root first) from the parent chain. */
export const computeCategoryTree: CollectionBeforeChangeHook<PartCategory> = async ({ data, originalDoc, req }) => {
  if (!data) return data
  const parentId = idOf(data.parent !== undefined ? data.parent : originalDoc?.parent)
  const ownId = idOf(originalDoc?.id)
  const ancestors: PartCategory[] = []
  let cursor = parentId
  while (cursor != null) {
    if (cursor === ownId) throw invalidFields([{ path: 'parent', message: 'A category cannot be its own ancestor.' }])
    if (ancestors.length >= MAX_DEPTH) throw invalidFields([{ path: 'parent', message: `Categories nest at most ${MAX_DEPTH} levels.` }])
    const node = await req.payload.findByID({ collection: 'part-categories', id: cursor, depth: 0, overrideAccess: true, req, disableErrors: true })
    if (!node) throw invalidFields([{ path: 'parent', message: 'The parent category does not exist.' }])
    ancestors.unshift(node)
    cursor = idOf(node.parent)
  }
  const slug = String(data.slug ?? originalDoc?.slug ?? '')
  data.breadcrumbs = ancestors.map((a) => ({ category: a.id, name: a.name, slug: a.slug }))
  data.path = [...ancestors.map((a) => a.slug), slug].join('/')
  data.depth = ancestors.length
  return data
}

/** When a category's path changes, its children recompute theirs (and so on down the tree). */
export const cascadeCategoryPath: CollectionAfterChangeHook<PartCategory> = async ({ doc, previousDoc, operation, req }) => {
  if (operation !== 'update' || doc.path === previousDoc?.path) return doc
  const children = await req.payload.find({ collection: 'part-categories', where: { parent: { equals: doc.id } }, depth: 0, limit: 1000, overrideAccess: true, req, pagination: false })
  for (const child of children.docs) {
    await req.payload.update({ collection: 'part-categories', id: child.id, data: {}, depth: 0, overrideAccess: true, req })
  }
  return doc
}
