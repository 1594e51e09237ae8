import type { CollectionAfterChangeHook, TypeWithID } from 'payload'

import { allSettledOrThrow } from '@/lib/settle'

/**
 * `afterChange` hooks that only act — tell someone, emit live figures — and hand the document back unchanged, run
 * together instead of one after the other: the statements each sends in the operation's transaction are issued in
 * the same turn, and src/db/pool.ts sends them as one write (a parking booking's owner notification and live
 * figures: one round trip under the spot's lock instead of two). Every hook gets the same arguments; the document
 * handed on is the one they were given, whatever they return. One failing fails the operation once all have settled
 * (`allSettledOrThrow`: none is left sending statements on the connection after the rollback).
 */
export function alongside<T extends TypeWithID>(...hooks: CollectionAfterChangeHook<T>[]): CollectionAfterChangeHook<T> {
  return async (args) => {
    await allSettledOrThrow(hooks.map((hook) => hook(args)))
    return args.doc
  }
}
