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
 * the fast paths off for that collection, which is the safe default. A hook that acts on some calls only — some
 * operations (the users' echo of a created account), or only where access applies (the orders' seller view, the
 * privacy plugin's stripping of unlisted fields from lists) — is marked with where it acts ({@link actsOnly}): inert
 * for a fast path serving other calls (the internal reads by id, src/plugins/internal-reads.ts, which override access).
 */
const inertHooks = new WeakSet<object>()

/**
 * Where a hook acts ({@link actsOnly}); anywhere else it returns what it was given and does nothing else.
 * - `operations`: an operation hook's `operation`; for a read hook, `find` is a list and `findByID` a read by id;
 * - `withAccess`: only on calls whose access is applied, not on trusted server calls (`overrideAccess`);
 * - `touches`: where it acts, it changes (or reads) only these top-level fields of the document.
 */
export interface HookScope {
  operations?: readonly string[]
  withAccess?: boolean
  touches?: readonly string[]
}

const scopes = new WeakMap<object, HookScope>()

/** Marks `hook` as inert (see above) and returns it. */
export function markInert<T extends object>(hook: T): T {
  inertHooks.add(hook)
  return hook
}

/** Marks `hook` as acting within `scope` only, and returns it: a fast path serving a call outside it may pass it over. */
export function actsOnly<T extends object>(scope: HookScope, hook: T): T {
  scopes.set(hook, scope)
  return hook
}

export const isInertHook = (hook: unknown): boolean => typeof hook === 'function' && inertHooks.has(hook)

/**
 * For a fast path serving `call`: whether a hook is inert there — marked so, or marked as acting outside such calls, or
 * (when the path serves only the top-level fields `served`) as touching none of them.
 */
export function inertFor(call: { operation: string; overrideAccess: boolean; served?: ReadonlySet<string> }): (hook: unknown) => boolean {
  return (hook) => {
    if (isInertHook(hook)) return true
    const scope = typeof hook === 'function' ? scopes.get(hook) : undefined
    if (!scope) return false
    const { served } = call
    return Boolean(
      (scope.operations && !scope.operations.includes(call.operation)) || (scope.withAccess && call.overrideAccess) || (scope.touches && served && !scope.touches.some((field) => served.has(field))),
    )
  }
}
