/**
 * Platform privacy plugin: enforces the parts of `privateField` declarations (src/access/privacy.ts) that
 * Payload's field access cannot express, for every collection, so none can forget them:
 * - `lists: false` fields (API keys) never appear in list responses (REST list, GraphQL plural query),
 *   whoever asks; trusted server code with overrideAccess is unaffected.
 * - owner readers (`{ owner: 'seller' }`) hold on narrowed reads too: a `select` that leaves out the owner field
 *   still shows the owner their field (the read rule looks the owner up, `readWithStoredOwner`).
 * Field `access.read` (set by the helper) already hides the field from other roles and makes it nullable
 * in the GraphQL schema.
 */
import type { CollectionAfterReadHook, Config, Field, Plugin } from 'payload'

import { ownerFieldsOf, privacyOf, readWithStoredOwner } from '@/access/privacy'
import { readsFields } from '@/lib/read-needs'
import { actsOnly } from './inert-hooks'

/** Top-level paths (through groups, rows, collapsibles, unnamed tabs) of fields declared `lists: false`. */
export function unlistedPaths(fields: readonly Field[], prefix: string[] = []): string[][] {
  const out: string[][] = []
  for (const f of fields) {
    const named = 'name' in f && typeof f.name === 'string' ? f.name : null
    const decl = privacyOf(f)
    if (named && decl?.lists === false) {
      out.push([...prefix, named])
      continue
    }
    if (f.type === 'group' && named) out.push(...unlistedPaths(f.fields, [...prefix, named]))
    else if ((f.type === 'row' || f.type === 'collapsible' || f.type === 'group') && 'fields' in f) out.push(...unlistedPaths(f.fields, prefix))
    else if (f.type === 'tabs') for (const tab of f.tabs) out.push(...unlistedPaths(tab.fields, 'name' in tab && tab.name ? [...prefix, tab.name] : prefix))
  }
  return out
}

/**
 * Only removes what the document carries: it reads no other field (declared, so a select stays possible), and only
 * in lists read with access applied, and only these fields (marked so: a trusted read by id, or a read serving none of
 * them, may skip it, src/plugins/inert-hooks.ts).
 */
const stripUnlisted = (paths: string[][]): CollectionAfterReadHook =>
  actsOnly(
    { operations: ['find'], withAccess: true, touches: [...new Set(paths.map((path) => path[0]))] },
    readsFields([], ({ doc, findMany, overrideAccess }) => {
      if (!findMany || overrideAccess || !doc) return doc
      for (const path of paths) {
        let node: Record<string, unknown> | undefined = doc
        for (const key of path.slice(0, -1)) node = node?.[key] && typeof node[key] === 'object' ? (node[key] as Record<string, unknown>) : undefined
        if (node) delete node[path[path.length - 1]]
      }
      return doc
    }),
  )

/**
 * `fields` with every owner-declared private field's read rule bound to `collection` (`readWithStoredOwner`), at any
 * depth (groups, rows, collapsibles, tabs, arrays, blocks). Fields without one are returned as they are.
 */
export function withStoredOwnerReads(fields: readonly Field[], collection: string): Field[] {
  return fields.map((f) => {
    let out = f
    const decl = privacyOf(f)
    if (decl && ownerFieldsOf(decl).length && 'access' in f) out = { ...f, access: { ...f.access, read: readWithStoredOwner(decl, collection) } } as Field
    if ('fields' in out && Array.isArray(out.fields)) out = { ...out, fields: withStoredOwnerReads(out.fields, collection) } as Field
    if (out.type === 'tabs') out = { ...out, tabs: out.tabs.map((t) => ({ ...t, fields: withStoredOwnerReads(t.fields, collection) })) }
    if (out.type === 'blocks') out = { ...out, blocks: out.blocks.map((b) => ({ ...b, fields: withStoredOwnerReads(b.fields, collection) })) }
    return out
  })
}

export const privacy =
  (): Plugin =>
  (config: Config): Config => ({
    ...config,
    collections: (config.collections ?? []).map((collection) => {
      const c = { ...collection, fields: withStoredOwnerReads(collection.fields, collection.slug) }
      const paths = unlistedPaths(c.fields)
      if (!paths.length) return c
      return { ...c, hooks: { ...c.hooks, afterRead: [...(c.hooks?.afterRead ?? []), stripUnlisted(paths)] } }
    }),
  })
