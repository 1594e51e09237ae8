/** Fixtures: users of each role, each with a session of its own. */
import { randomUUID } from 'node:crypto'

import { getFieldsToSign, jwtSign, type Payload } from 'payload'

import type { Role } from '../../src/access/roles'

import { post } from './api'
import { testPayload } from './payload'

export interface TestUser {
  id: number
  email: string
  password: string
  token: string
  roles: Role[]
}

let counter = 0

/** An email no other test user has: the roles, the process, a counter and a random tail. */
const freshEmail = (roles: Role[]) => `${roles.join('-')}-${process.pid}-${++counter}-${Math.random().toString(36).slice(2, 7)}@test.local`

/**
 * A user of the given roles with a session token. The token is a real session: Payload's own session record and
 * JWT, which every authenticated request checks as it checks a login's. It is opened without the login endpoint,
 * whose password check is a second 25,000-round PBKDF2 (150–600 ms of CPU per user under the suite's load).
 * `login: 'endpoint'` signs in through POST /api/users/login instead (its hooks: login-events, lastLogin, the
 * new-device alert, the guest-cart merge); `login: false` opens no session.
 */
export async function createUser(opts: { roles?: Role[]; email?: string; password?: string; data?: Record<string, unknown>; login?: boolean | 'endpoint' } = {}): Promise<TestUser> {
  const payload = await testPayload()
  const roles = opts.roles ?? ['buyer']
  const email = opts.email ?? freshEmail(roles)
  const password = opts.password ?? 'password123'
  const user = await payload.create({
    collection: 'users',
    overrideAccess: true,
    disableVerificationEmail: true,
    data: { email, password, roles, firstName: roles[0], lastName: `Tester${counter}`, _verified: true, ...opts.data } as never,
  })
  let token = ''
  if (opts.login === 'endpoint') token = await login(email, password)
  else if (opts.login !== false) token = await openSession(payload, user as unknown as Record<string, unknown> & { id: number })
  return { id: user.id as number, email, password, token, roles }
}

/**
 * `n` distinct signed-in users of the same roles, for tests that need many accounts only as distinct actors (50
 * concurrent favorites, 40 concurrent checkouts). The first is made by `createUser` (Payload's create: its hooks,
 * field defaults and a real PBKDF2 hash of the password); the others are written by the database adapter as copies of
 * that stored account — the same salt and hash, so each signs in with the same password — with their own email and
 * name. That spares 25,000 PBKDF2 rounds per account (≈ 116 ms of CPU each).
 */
export async function createUsers(n: number, opts: { roles?: Role[] } = {}): Promise<TestUser[]> {
  const payload = await testPayload()
  const first = await createUser(opts)
  const stored = await payload.db.findOne<Record<string, unknown> & { id: number }>({ collection: 'users', where: { id: { equals: first.id } } })
  if (!stored?.hash || !stored.salt) throw new Error('createUsers: the first account has no stored password hash')
  const { id: _id, email: _email, lastName: _lastName, sessions: _sessions, _verificationToken: _token, createdAt: _c, updatedAt: _u, ...account } = stored
  const copies = await Promise.all(
    Array.from({ length: n - 1 }, async () => {
      const email = freshEmail(first.roles)
      const user = await payload.db.create({ collection: 'users', data: { ...account, email, lastName: `Tester${counter}` } })
      const token = await openSession(payload, { ...user, id: user.id as number, collection: 'users' })
      return { id: user.id as number, email, password: first.password, token, roles: first.roles }
    }),
  )
  return [first, ...copies]
}

/** What Payload's login does once the password matched: a session on the account and a JWT naming it. */
async function openSession(payload: Payload, user: Record<string, unknown> & { id: number }): Promise<string> {
  const collectionConfig = payload.collections.users.config
  const { tokenExpiration } = collectionConfig.auth
  const sid = randomUUID()
  const now = new Date()
  await payload.db.updateOne({
    collection: 'users',
    id: user.id,
    data: { sessions: [{ id: sid, createdAt: now, expiresAt: new Date(now.getTime() + tokenExpiration * 1000) }] },
    returning: false,
  })
  const fieldsToSign = getFieldsToSign({ collectionConfig, email: user.email as string, sid, user: { ...user, collection: 'users' } as never })
  return (await jwtSign({ fieldsToSign, secret: payload.secret, tokenExpiration })).token
}

/** A session token for an existing user (seeded or created by the code under test), opened as `createUser` does. */
export async function sessionFor(userId: number | string): Promise<string> {
  const payload = await testPayload()
  const user = await payload.findByID({ collection: 'users', id: userId, overrideAccess: true, depth: 0 })
  return openSession(payload, user as unknown as Record<string, unknown> & { id: number })
}

export async function login(email: string, password: string): Promise<string> {
  const res = await post('/users/login', { email, password })
  if (res.status !== 200 || !res.body?.token) throw new Error(`login failed for ${email}: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body.token as string
}

/** One signed-in user per role, created once per file. */
export async function usersByRole(): Promise<Record<Role | 'admin', TestUser>> {
  const roles: Role[] = ['admin', 'editor', 'seller', 'buyer', 'technician', 'parking_owner']
  const entries = await Promise.all(roles.map(async (r) => [r, await createUser({ roles: [r] })] as const))
  return Object.fromEntries(entries) as Record<Role, TestUser>
}
