/**
 * Platform hooks that change nothing an operation answers or writes beyond what a fast path does itself. The fast
 * paths that bypass Payload's operations (the listing read path, src/http/listing-read.ts; the search log's one
 * INSERT, src/db/discovery/search-log.ts) step aside when a collection has a hook they do not know, and know these:
 *
 * - the input guard (src/plugins/input-guards.ts): rejects client input the fast paths decline or validate the same
 *   way, and passes server-side calls through;
 * - the read-access warm-up (src/plugins/read-access-warmup.ts): on reads only, starts a read the access rules would
 *   make anyway.
 *
 * A plugin that adds a hook to every collection marks it here only if it meets that contract; an unmarked hook keeps
 * the fast paths off for that collection, which is the safe default.
 */
const inertHooks = new WeakSet<object>()

/** Marks `hook` as inert (see above) and returns it. */
export function markInert<T extends object>(hook: T): T {
  inertHooks.add(hook)
  return hook
}

export const isInertHook = (hook: unknown): boolean => typeof hook === 'function' && inertHooks.has(hook)
