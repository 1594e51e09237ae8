/**
 * The signed-in user cache (src/plugins/auth-user-cache.ts): every request's user equals what Payload's own JWT
 * strategy loads, for every role, over REST and GraphQL depths; the kept copy is served only while the user's row
 * is unchanged, so role changes, suspensions (also by plain SQL, as another instance would write), logout,
 * deletion and sessions take effect on the very next request; tokens that fail and API keys behave as before.
 */
import { sql } from '@payloadcms/db-postgres'
import { executeAuthStrategies, JWTAuthentication, type Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { authUserCacheStats } from '../../../src/plugins/auth-user-cache'
import { dbOf } from '../../../src/db/transaction'
import { get, post } from '../../helpers/api'
import { testPayload } from '../../helpers/payload'
import { createUser, login, type TestUser, usersByRole } from '../../helpers/users'

let payload: Payload
let byRole: Awaited<ReturnType<typeof usersByRole>>

const jwt = (token: string) => new Headers({ Authorization: `JWT ${token}` })
const chain = (headers: Headers, isGraphQL = false) => executeAuthStrategies({ headers, isGraphQL, payload, canSetHeaders: false })
/** Payload's own strategy, bypassing the cache: the reference. */
const reference = (headers: Headers, isGraphQL = false) => JWTAuthentication({ headers, isGraphQL, payload, strategyName: 'local-jwt', canSetHeaders: false })
/** The cache's counters (zero before its first signed-in request builds it). */
const stats = () => ({ ...(authUserCacheStats(payload) ?? { hits: 0, misses: 0 }) })

beforeAll(async () => {
  payload = await testPayload()
  byRole = await usersByRole()
})

describe('signed-in user cache', () => {
  it('sits once at the head of the strategy chain, ahead of the API key and Payload JWT strategies', () => {
    const names = payload.authStrategies.map((s) => s.name)
    expect(names[0]).toBe('local-jwt-cached')
    expect(names.filter((n) => n === 'local-jwt-cached')).toHaveLength(1)
    expect(names).toContain('users-api-key')
    expect(names[names.length - 1]).toBe('local-jwt')
  })

  it.each(['admin', 'editor', 'seller', 'buyer', 'technician', 'parking_owner'] as const)('%s: the same user as Payload loads, on a miss and on a hit, REST and GraphQL depth', async (role) => {
    for (const isGraphQL of [false, true]) {
      const expected = (await reference(jwt(byRole[role].token), isGraphQL)).user
      expect(expected?.id).toBe(byRole[role].id)
      const before = stats()
      const first = (await chain(jwt(byRole[role].token), isGraphQL)).user
      const second = (await chain(jwt(byRole[role].token), isGraphQL)).user
      const after = stats()
      expect(first).toEqual(expected)
      expect(second).toEqual(expected)
      expect(second?._strategy).toBe('local-jwt')
      expect(after.hits - before.hits).toBeGreaterThanOrEqual(1)
    }
  })

  it('serves hits from the kept copy (no findByID) and hands each request its own copy', async () => {
    const u = byRole.buyer
    await chain(jwt(u.token))
    const calls: unknown[] = []
    const original = payload.findByID.bind(payload)
    payload.findByID = ((args: never) => (calls.push(args), original(args))) as typeof payload.findByID
    try {
      const a = (await chain(jwt(u.token))).user as unknown as Record<string, unknown>
      a.roles = ['admin']
      a.firstName = 'mutated'
      const b = (await chain(jwt(u.token))).user as unknown as Record<string, unknown>
      expect(b.roles).toEqual(['buyer'])
      expect(b.firstName).not.toBe('mutated')
      expect(calls).toHaveLength(0)
    } finally {
      payload.findByID = original
    }
  })

  it('a role change through Payload applies on the next request', async () => {
    const u = await createUser({ roles: ['buyer'] })
    expect((await chain(jwt(u.token))).user?.roles).toEqual(['buyer'])
    expect((await chain(jwt(u.token))).user?.roles).toEqual(['buyer'])
    await payload.update({ collection: 'users', id: u.id, data: { roles: ['buyer', 'seller'] } as never, overrideAccess: true })
    expect((await chain(jwt(u.token))).user?.roles).toEqual(['buyer', 'seller'])
    // …and the REST surface agrees.
    const me = await get('/users/me', { token: u.token })
    expect(me.body.user.roles).toEqual(['buyer', 'seller'])
  })

  it('a write by plain SQL (as another instance or a platform SQL module writes) applies on the next request', async () => {
    const u = await createUser({ roles: ['seller'] })
    expect((await chain(jwt(u.token))).user?.status).toBe('active')
    await dbOf(payload).execute(sql`update users set status = 'suspended' where id = ${u.id}`)
    const user = (await chain(jwt(u.token))).user
    expect(user?.status).toBe('suspended')
    expect(user).toEqual((await reference(jwt(u.token))).user)
  })

  it('logout ends that session at once and leaves the user’s other session signed in', async () => {
    const u = await createUser({ roles: ['buyer'] })
    const second = await login(u.email, u.password)
    expect((await chain(jwt(u.token))).user?.id).toBe(u.id)
    expect((await chain(jwt(second))).user?.id).toBe(u.id)
    const out = await post('/users/logout', {}, { token: u.token })
    expect(out.status).toBe(200)
    expect((await chain(jwt(u.token))).user).toBeNull()
    expect((await get('/users/me', { token: u.token })).body.user).toBeNull()
    expect((await chain(jwt(second))).user?.id).toBe(u.id)
  })

  it('a deleted account is signed out on the next request', async () => {
    const u = await createUser({ roles: ['buyer'] })
    expect((await chain(jwt(u.token))).user?.id).toBe(u.id)
    // Its sign-in history references it (and makes the delete a 409, tests/int/foundation/input-guards.test.ts).
    await payload.delete({ collection: 'login-events', where: { user: { equals: u.id } }, overrideAccess: true })
    await payload.delete({ collection: 'users', id: u.id, overrideAccess: true })
    expect((await chain(jwt(u.token))).user).toBeNull()
  })

  it('tokens that fail get no user: bad signature, expired, another collection’s garbage, none', async () => {
    const u = byRole.buyer
    const [h, p] = u.token.split('.')
    const forged = `${h}.${p}.${'A'.repeat(43)}`
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString())
    const { SignJWT } = await import('jose')
    const expired = await new SignJWT({ ...claims, exp: Math.floor(Date.now() / 1000) - 60 }).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode(payload.secret))
    for (const headers of [jwt(forged), jwt(expired), jwt('not.a.token'), new Headers()]) {
      expect((await chain(headers)).user).toBeNull()
      expect((await reference(headers)).user).toBeNull()
    }
  })

  it('API keys still authenticate through Payload’s API key strategy', async () => {
    const key = `ak_${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`
    const u: TestUser = await createUser({ roles: ['seller'] })
    await payload.update({ collection: 'users', id: u.id, data: { enableAPIKey: true, apiKey: key } as never, overrideAccess: true })
    const result = await chain(new Headers({ Authorization: `users API-Key ${key}` }))
    expect(result.user?.id).toBe(u.id)
    expect(result.user?._strategy).toBe('api-key')
  })

  it('50 concurrent signed-in requests each get the right user', async () => {
    const users = Object.values(byRole)
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => chain(jwt(users[i % users.length].token))))
    results.forEach((r, i) => expect(r.user?.id).toBe(users[i % users.length].id))
  })
})

describe('plugin', () => {
  const config = (auth: object | boolean) =>
    ({
      collections: [
        { slug: 'things', fields: [] },
        { slug: 'accounts', auth, fields: [] },
      ],
    }) as never
  const strategiesOf = (c: { collections: { auth?: { strategies?: { name: string }[] } }[] }) => c.collections.map((x) => (x.auth?.strategies ?? []).map((s) => s.name))

  it('adds its strategy to the first collection that keeps the local strategy, ahead of its own ones', async () => {
    const { authUserCache } = await import('../../../src/plugins/auth-user-cache')
    const own = { name: 'sso', authenticate: async () => ({ user: null }) }
    expect(strategiesOf((await authUserCache()(config({ strategies: [own] }))) as never)).toEqual([[], ['local-jwt-cached', 'sso']])
    expect(strategiesOf((await authUserCache()(config({ disableLocalStrategy: true }))) as never)).toEqual([[], []])
  })

  it('AUTH_USER_CACHE=off leaves Payload’s chain as it is', async () => {
    const { authUserCache } = await import('../../../src/plugins/auth-user-cache')
    process.env.AUTH_USER_CACHE = 'off'
    try {
      expect(strategiesOf((await authUserCache()(config(true))) as never)).toEqual([[], []])
    } finally {
      delete process.env.AUTH_USER_CACHE
    }
  })
})
