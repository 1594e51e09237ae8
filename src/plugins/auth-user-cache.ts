/**
 * Signed-in requests without rebuilding the signed-in user each time.
 *
 * Payload's JWT strategy verifies the token, then loads the user with `findByID` — one joined query plus the
 * field traversal over every field of the auth collection (for users: roles, sessions, identities, four
 * notification-preference tables, ~55 fields, the avatar populated). That load cost 20–33 ms per signed-in
 * request on the loaded bench machine (bench/NOTES.md), more than the listing search it precedes.
 *
 * This plugin puts one strategy at the head of the chain that runs **Payload's own** `JWTAuthentication` — the
 * same token extraction (header order, cookie with its CSRF rules), signature and expiry check, `_verified` and
 * session checks — and only replaces the user load: the loaded document is kept per (collection, id, depth)
 * together with the version of its database row (`xmin`, PostgreSQL's id of the transaction that wrote the row
 * version, plus `updated_at`), and every request first reads that version from the primary (one primary-key
 * lookup). Same version: a copy of the kept document; any other: Payload's `findByID`, kept under the version
 * read *before* it (a write racing the load leaves a stale version, which the next request reloads).
 *
 * Why the row version is enough: every write of an auth document goes through its main row — Payload's update
 * and delete, login, logout and refresh (they write the whole document, sessions included, with
 * `db.updateOne`), and the platform's own SQL (loyalty points and level). So a role change, a suspension, a
 * logout or a deleted account takes effect on the very next request, on every instance: the check is in the
 * database, not in an invalidation message. What the version does not cover is a *populated* document changing
 * on its own (an edit of the avatar's media document): `req.user.avatar` can lag that until the user's row
 * changes; no access rule reads it, and `GET /api/users/me` re-reads the user anyway.
 *
 * Requests without a token, or whose token fails, get no user from this strategy and go on down Payload's chain
 * (API key, then Payload's own JWT strategy with its auto-login), exactly as before. `AUTH_USER_CACHE=off`
 * leaves Payload's chain untouched.
 */
import { type AuthStrategy, type AuthStrategyFunctionArgs, type Config, JWTAuthentication, type Payload, type Plugin } from 'payload'

import { batchStatementName } from '@/db/plan-cache'
import { adapterOf } from '@/db/transaction'

type Doc = Record<string, unknown>
type FindByIDArgs = { collection: string; depth?: number; id: number | string }

export interface AuthUserCacheStats {
  hits: number
  misses: number
}

/** Kept documents, least recently used first (a Map keeps insertion order; a hit moves its entry to the end). */
class UserCache {
  private entries = new Map<string, { version: string; doc: Doc }>()
  readonly stats: AuthUserCacheStats = { hits: 0, misses: 0 }

  constructor(private readonly maxEntries: number) {}

  get(key: string, version: string): Doc | null {
    const entry = this.entries.get(key)
    if (!entry || entry.version !== version) return null
    this.entries.delete(key)
    this.entries.set(key, entry)
    return structuredClone(entry.doc)
  }

  set(key: string, version: string, doc: Doc): void {
    this.entries.delete(key)
    this.entries.set(key, { version, doc: structuredClone(doc) })
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string)
  }
}

/** Per Payload instance, built on its first signed-in request: the kept users and the caching view over it. */
interface UserCacheState {
  cache: UserCache
  view: Payload
}

const states = new WeakMap<Payload, UserCacheState>()

/** Hits and misses of this Payload instance's user cache (tests, diagnostics). */
export function authUserCacheStats(payload: Payload): AuthUserCacheStats | null {
  return states.get(payload)?.cache.stats ?? null
}

/** Reads the version of an auth document's row (null when the row is gone); one statement per collection, built once. */
function rowVersionReader(payload: Payload): (collection: string, id: number | string) => Promise<string | null> {
  const adapter = adapterOf(payload)
  const pool = adapter.pool as unknown as { query: (q: { text: string; values: unknown[]; name?: string }) => Promise<{ rows: { v: string }[] }> }
  const statements = new Map<string, string>()
  return async (collection, id) => {
    let text = statements.get(collection)
    if (!text) {
      const slug = collection.replace(/-/g, '_')
      const table = adapter.tableNameMap?.get(slug) ?? slug
      text = `select xmin::text || '/' || coalesce(updated_at::text, '') as v from "${table.replace(/"/g, '""')}" where id = $1`
      statements.set(collection, text)
    }
    // a read by key: named once its text repeats, planned once per connection (src/db/plan-cache.ts)
    return (await pool.query({ text, values: [id], name: batchStatementName(text) })).rows[0]?.v ?? null
  }
}

/** This instance's state; its view is `payload` with `findByID` served from the cache while the row version is unchanged. */
function stateOf(payload: Payload): UserCacheState {
  const existing = states.get(payload)
  if (existing) return existing
  const cache = new UserCache(5000)
  const rowVersion = rowVersionReader(payload)
  const findByID = async (args: FindByIDArgs): Promise<Doc> => {
    const key = `${args.collection}|${args.id}|${args.depth ?? ''}`
    const version = await rowVersion(args.collection, args.id).catch(() => null)
    const kept = version ? cache.get(key, version) : null
    if (kept) {
      cache.stats.hits++
      return kept
    }
    cache.stats.misses++
    const doc = (await payload.findByID(args as Parameters<Payload['findByID']>[0])) as unknown as Doc
    // Kept before Payload's strategy marks this request's copy (`_sid`, `_strategy`, `collection`).
    if (doc && version) cache.set(key, version, doc)
    return doc
  }
  const state = { cache, view: Object.create(payload, { findByID: { value: findByID } }) as Payload }
  states.set(payload, state)
  return state
}

/** The strategy: Payload's JWT authentication over the caching view; never auto-logs in (left to Payload's own). */
export function cachedJwtStrategy(): AuthStrategy {
  return {
    name: 'local-jwt-cached',
    authenticate: async (args: AuthStrategyFunctionArgs) => {
      const headers = new Headers(args.headers)
      headers.set('DisableAutologin', 'true')
      return JWTAuthentication({ ...args, headers, payload: stateOf(args.payload).view, strategyName: 'local-jwt' })
    },
  }
}

/** Adds the strategy once, ahead of every other, when some auth collection keeps Payload's local (JWT) strategy. */
export const authUserCache =
  (): Plugin =>
  (config: Config): Config => {
    if (process.env.AUTH_USER_CACHE === 'off') return config
    const collections = config.collections ?? []
    const first = collections.findIndex((c) => c.auth && !(typeof c.auth === 'object' && c.auth.disableLocalStrategy))
    if (first < 0) return config
    return {
      ...config,
      collections: collections.map((c, i) => {
        if (i !== first) return c
        const auth = typeof c.auth === 'object' ? c.auth : {}
        return { ...c, auth: { ...auth, strategies: [cachedJwtStrategy(), ...(auth.strategies ?? [])] } }
      }),
    }
  }
