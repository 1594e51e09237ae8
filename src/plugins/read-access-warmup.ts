/**
 * A read that populates documents of a collection whose read access needs a database read starts that read at its
 * own start, so it goes out with the read's first statement instead of after it.
 *
 * Population runs a `find` per related collection, and each evaluates that collection's read access first. Most
 * access rules are decided from the request's user alone; a rule that reads the database (users: the authors of
 * published posts, collections/identity/Users) made its `find` wait for that read, a round trip after the populations
 * of the other collections: a REST car detail at depth 1 was the car, then the makes, models, features, dealers and
 * the authors' rule together (src/db/read-batch.ts), then the seller. A collection declares what its read access will
 * read with `custom.warmReadAccess(req)`, which starts it and memoizes it on the request (the rule then finds it done).
 * This plugin, from the collection configs at start-up, gives every collection with a relationship or upload field to
 * such a collection a `beforeOperation` hook that calls it on reads that populate: access not overridden, depth not 0
 * (or a GraphQL request, whose relationship fields resolve after the read). The car detail is then two statements: the
 * car with the authors' rule, then the populations with the seller. `READ_ACCESS_WARMUP=off` turns it off.
 */
import type { CollectionBeforeOperationHook, CollectionConfig, Config, Field, Plugin, PayloadRequest } from 'payload'

import { markInert } from './inert-hooks'

/** `custom.warmReadAccess` of a collection: starts (and memoizes on `req`) what its read access will read. */
export type WarmReadAccess = (req: PayloadRequest) => void

const warmerOf = (collection: CollectionConfig): WarmReadAccess | null => {
  const warm = (collection.custom as { warmReadAccess?: unknown } | undefined)?.warmReadAccess
  return typeof warm === 'function' ? (warm as WarmReadAccess) : null
}

/** A collection's `custom.warmReadAccess` in the running config (for a read path that skips the populating find's hook). */
export const warmReadAccessOf = (payload: { collections: Record<string, { config: CollectionConfig } | undefined> }, slug: string): WarmReadAccess | null => {
  const collection = payload.collections[slug]
  return collection ? warmerOf(collection.config) : null
}

/** The collections a collection's relationship and upload fields point to (nested fields, tabs and blocks too). */
export function relatedCollections(fields: readonly Field[]): Set<string> {
  const slugs = new Set<string>()
  const visit = (list: readonly Field[]) => {
    for (const field of list) {
      if ((field.type === 'relationship' || field.type === 'upload') && field.relationTo) {
        for (const slug of Array.isArray(field.relationTo) ? field.relationTo : [field.relationTo]) slugs.add(slug)
      }
      if ('fields' in field && Array.isArray(field.fields)) visit(field.fields)
      if (field.type === 'tabs') for (const tab of field.tabs) visit(tab.fields)
      if (field.type === 'blocks') for (const block of field.blocks) if (typeof block === 'object') visit(block.fields)
    }
  }
  visit(fields)
  return slugs
}

export function readAccessWarmup(): Plugin {
  return (config: Config): Config => {
    const warmers = new Map<string, WarmReadAccess>()
    for (const collection of config.collections ?? []) {
      const warm = warmerOf(collection)
      if (warm) warmers.set(collection.slug, warm)
    }
    if (!warmers.size) return config
    return {
      ...config,
      collections: (config.collections ?? []).map((collection) => {
        const warm = [...relatedCollections(collection.fields)].flatMap((slug) => warmers.get(slug) ?? [])
        if (!warm.length) return collection
        const warmRelatedReadAccess: CollectionBeforeOperationHook = ({ args, operation, req }) => {
          if (operation !== 'read' || args.overrideAccess || process.env.READ_ACCESS_WARMUP === 'off') return args
          const depth = (args as { depth?: number }).depth ?? req.payload.config.defaultDepth
          if (depth > 0 || req.payloadAPI === 'GraphQL') for (const w of warm) w(req)
          return args
        }
        // it changes nothing a read answers: the fast paths may ignore it (src/plugins/inert-hooks.ts)
        markInert(warmRelatedReadAccess)
        return { ...collection, hooks: { ...collection.hooks, beforeOperation: [...(collection.hooks?.beforeOperation ?? []), warmRelatedReadAccess] } }
      }),
    }
  }
}
