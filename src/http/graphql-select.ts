/**
 * GraphQL reads fetch only what the query asks for.
 *
 * Payload's GraphQL reads the whole document (every column, array and localized table, then the field traversal
 * over every field) unless the client passes `select: true`; then it derives a `select` from the query, for the
 * document and for every related document the query populates. It does not do so by default because read-time
 * logic may need fields the query did not ask for. Here it is the default where the query provably carries what
 * that logic needs, judged from the collection configs once:
 * - a privacy declaration's owner reader is decided on the owner field (src/access/privacy.ts): a query selecting
 *   `autoAcceptPrice` must select `seller` too;
 * - a read-time hook declares what it reads (src/lib/read-needs.ts `readsFields`): `whatsappLink` needs
 *   `contactPhone`; Payload's upload URL fields need `filename`; its API-key hook reads only its own value;
 * - anything undeclared (a hook without a declaration, an ad hoc field read rule, a join field, a polymorphic
 *   relationship, a virtual path) makes Payload read everything, as before;
 * - every related collection the query selects into is judged the same way, through fragments too;
 * - the operation has one root field (Payload keeps the derived select on the request's shared GraphQL context,
 *   so two root fields would see each other's).
 * An explicit `select` argument, either way, is left to Payload. `GRAPHQL_SELECT=off` turns the default off.
 * Measured: a listing detail query (car, make, model, seller) 20.2 → 12.6 ms in-process.
 * tests/int/foundation/surface-audit.test.ts compares every collection's answers both ways for four roles.
 */
// Types only: Payload's GraphQL runs graphql's CommonJS build, and graphql's instanceof checks throw on types made by
// the other build (its "another module or realm" error), so the schema is read by shape here.
import type { FieldNode, GraphQLFieldConfig, GraphQLNamedType, GraphQLObjectType, GraphQLResolveInfo, GraphQLType, SelectionSetNode } from 'graphql'
import { type Field, formatNames, type Payload, type SanitizedCollectionConfig, toWords } from 'payload'

import { ownerFieldsOf, privacyOf } from '@/access/privacy'
import { readsOf } from '@/lib/read-needs'

import { installListingGraphqlReadPath } from './listing-read'

type Resolver = NonNullable<GraphQLFieldConfig<unknown, { req: { payload: Payload } }>['resolve']>
type QueryFields = Record<string, GraphQLFieldConfig<unknown, { req: { payload: Payload } }>>

/** Selecting a top-level field (key) needs these top-level fields selected too; `*`: needed whatever is selected. */
export type SelectNeeds = Map<string, Set<string>>

const topOf = (path: string) => path.split('.')[0]

/** What selecting each top-level field needs (see the module comment), or null when a select is never safe. */
export function selectNeeds(collection: SanitizedCollectionConfig): SelectNeeds | null {
  const needs: SelectNeeds = new Map()
  const need = (key: string, fields: Iterable<string>) => {
    const set = needs.get(key) ?? new Set<string>()
    for (const f of fields) if (f !== key) set.add(topOf(f))
    if (set.size) needs.set(key, set)
  }
  for (const hook of collection.hooks?.afterRead ?? []) {
    const reads = readsOf(hook)
    if (reads === null) return null
    need('*', reads)
  }
  const upload = collection.upload
  if (upload && typeof upload === 'object' && typeof upload.adminThumbnail === 'function') return null
  const hasPrefix = collection.fields.some((f) => 'name' in f && f.name === 'prefix')
  // `top`: the top-level field the walked field sits in (its own name at the top level).
  const visit = (f: Field, top: string | null, path: string[]): boolean => {
    const name = 'name' in f ? f.name : undefined
    const here = top ?? name ?? null
    if ('virtual' in f && typeof f.virtual === 'string') return false
    if (f.type === 'join') return false
    const hooks = ('hooks' in f && f.hooks?.afterRead) || []
    const uploadUrl = upload && name && (path.length === 0 ? name === 'url' || name === 'thumbnailURL' : path[0] === 'sizes' && name === 'url')
    if (uploadUrl && here) need(here, ['filename', ...(hasPrefix ? ['prefix'] : []), ...(name === 'thumbnailURL' || path[0] === 'sizes' ? ['sizes'] : [])])
    else if (collection.auth?.useAPIKey && path.length === 0 && name === 'apiKey') {
      /* Payload's decryptKey reads only the field's own value */
    } else {
      for (const hook of hooks) {
        const reads = readsOf(hook)
        if (reads === null || !here) return false
        need(here, reads)
      }
    }
    if ('access' in f && f.access?.read) {
      const decl = privacyOf(f)
      if (!decl || !here || decl.readers.some((r) => typeof r === 'object' && 'rule' in r)) return false
      need(here, ownerFieldsOf(decl))
    }
    const inner = name ? [...path, name] : path
    if ('fields' in f && f.fields && !f.fields.every((c) => visit(c, here, inner))) return false
    if (f.type === 'tabs' && !f.tabs.every((t) => t.fields.every((c) => ('name' in t && t.name ? visit(c, top ?? t.name, [...path, t.name]) : visit(c, top, path))))) return false
    if (f.type === 'blocks' && !(f.blocks ?? []).every((b) => typeof b !== 'object' || b.fields.every((c) => visit(c, here, inner)))) return false
    return true
  }
  return collection.fields.every((f) => visit(f, null, [])) ? needs : null
}

/** The named type under lists and non-nulls. */
const namedType = (t: GraphQLType): GraphQLNamedType => ('ofType' in t && t.ofType ? namedType(t.ofType) : (t as GraphQLNamedType))
const fieldsOf = (t: GraphQLNamedType) => ('getFields' in t && typeof t.getFields === 'function' ? (t as GraphQLObjectType).getFields() : null)

type Info = Pick<GraphQLResolveInfo, 'fragments' | 'schema'>

/**
 * Whether a selection of a `slug` document (of GraphQL type `type`) carries what its reads need, and so does every
 * related document it selects into.
 */
export function selectionCarriesNeeds(info: Info, selectionSet: SelectionSetNode | undefined, type: GraphQLNamedType, slug: string, needsOf: (slug: string) => SelectNeeds | null): boolean {
  const needs = needsOf(slug)
  if (!needs) return false
  const selected = new Set<string>()
  const walk = (set: SelectionSetNode | undefined, t: GraphQLNamedType, topLevel: boolean): boolean => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === 'Field') {
        const def = fieldsOf(t)?.[selection.name.value]
        if (!def) continue
        const field = def.extensions?.field as Field | undefined
        if (topLevel) selected.add((field && 'name' in field && field.name) || selection.name.value)
        if (!selection.selectionSet) continue
        if (field?.type === 'join') return false
        if (field?.type === 'relationship' || field?.type === 'upload') {
          if (Array.isArray(field.relationTo)) return false
          if (!selectionCarriesNeeds(info, selection.selectionSet, namedType(def.type), field.relationTo, needsOf)) return false
        } else if (!walk(selection.selectionSet, namedType(def.type), false)) return false
      } else {
        const fragment = selection.kind === 'InlineFragment' ? selection : info.fragments[selection.name.value]
        const fragmentType = fragment?.typeCondition ? info.schema.getType(fragment.typeCondition.name.value) : t
        if (!fragment || !fragmentType || !walk(fragment.selectionSet, fragmentType, topLevel)) return false
      }
    }
    return true
  }
  if (!walk(selectionSet, type, true)) return false
  for (const [key, required] of needs) if (key === '*' || selected.has(key)) for (const r of required) if (!selected.has(r)) return false
  return true
}

/** Wraps a collection's built-in single or plural query resolver so that it selects by default when safe. */
export function selectByDefault(needsOf: (payload: Payload, slug: string) => SelectNeeds | null, slug: string, plural: boolean, original: Resolver): Resolver {
  return (source, args: Record<string, unknown>, context, info) => {
    if (args.select !== undefined || process.env.GRAPHQL_SELECT === 'off') return original(source, args, context, info)
    const roots = info.operation.selectionSet.selections
    const node: FieldNode = info.fieldNodes[0]
    const forSlug = (s: string) => needsOf(context.req.payload, s)
    let safe = roots.length === 1 && roots[0].kind === 'Field'
    if (safe && !plural) safe = selectionCarriesNeeds(info, node.selectionSet, namedType(info.returnType), slug, forSlug)
    else if (safe) {
      // The paginated list: its `docs` carry the documents; any other selection there is pagination.
      const listType = namedType(info.returnType)
      for (const s of node.selectionSet?.selections ?? []) {
        if (s.kind !== 'Field') safe = false
        else if (s.name.value === 'docs') {
          const docs = fieldsOf(listType)?.docs
          safe &&= Boolean(docs) && selectionCarriesNeeds(info, s.selectionSet, namedType(docs!.type), slug, forSlug)
        }
      }
    }
    return original(source, safe ? { ...args, select: true } : args, context, info)
  }
}

/** The names Payload gives a collection's single and plural queries (@payloadcms/graphql initCollections). */
export function queryNames(config: Pick<SanitizedCollectionConfig, 'slug' | 'graphQL'>): [string, string] | null {
  if (config.graphQL === false) return null
  const names = config.graphQL ?? {}
  const fromSlug = formatNames(config.slug)
  const single = names.singularName ? toWords(names.singularName, true) : fromSlug.singular
  const plural = names.pluralName ? toWords(names.pluralName, true) : fromSlug.plural
  return [single, single === plural ? `all${single}` : plural]
}

/**
 * Makes every collection's built-in single and plural query select by default when safe (see the module comment).
 * The resolvers are replaced in place in the schema being built, not returned as custom queries: Payload runs a
 * custom query with a copy of the GraphQL context, and its relationship resolvers read the derived select from the
 * shared one, so only in place do the related documents get their select too.
 */
export function installSelectByDefault(schema: { collections: Record<string, { config: SanitizedCollectionConfig }>; Query: { fields: QueryFields } }): void {
  const judged = new WeakMap<Payload, Map<string, SelectNeeds | null>>()
  const needsOf = (payload: Payload, slug: string): SelectNeeds | null => {
    let bySlug = judged.get(payload)
    if (!bySlug) judged.set(payload, (bySlug = new Map()))
    if (!bySlug.has(slug)) {
      const config = (payload.collections as Record<string, { config: SanitizedCollectionConfig } | undefined>)[slug]?.config
      bySlug.set(slug, config ? selectNeeds(config) : null)
    }
    return bySlug.get(slug)!
  }
  for (const { config } of Object.values(schema.collections)) {
    const names = queryNames(config)
    if (!names) continue
    for (const [i, name] of names.entries()) {
      const builtIn = schema.Query.fields[name]
      if (builtIn?.resolve) builtIn.resolve = selectByDefault(needsOf, config.slug, i === 1, builtIn.resolve)
    }
  }
}

/**
 * Payload's `graphQL.queries` hook: the built-in `Cars` and `Car` queries are answered by the listing read path when
 * they can (src/http/listing-read.ts), and every collection's single and plural query selects by default when safe
 * (that wrapper outside, so the read path sees the `select: true` it decided). Both replace resolvers in place; no
 * custom query is added.
 */
export function platformGraphqlQueries(_graphql: unknown, schema: Parameters<typeof installSelectByDefault>[0]): Record<string, never> {
  installListingGraphqlReadPath(schema as unknown as Parameters<typeof installListingGraphqlReadPath>[0])
  installSelectByDefault(schema)
  return {}
}
