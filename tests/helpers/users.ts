/** Fixtures: users of each role, logged in through the real login endpoint. */
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

export async function createUser(opts: { roles?: Role[]; email?: string; password?: string; data?: Record<string, unknown>; login?: boolean } = {}): Promise<TestUser> {
  const payload = await testPayload()
  const roles = opts.roles ?? ['buyer']
  const email = opts.email ?? `${roles.join('-')}-${process.pid}-${++counter}-${Math.random().toString(36).slice(2, 7)}@test.local`
  const password = opts.password ?? 'password123'
  const user = await payload.create({
    collection: 'users',
    overrideAccess: true,
    disableVerificationEmail: true,
    data: { email, password, roles, firstName: roles[0], lastName: `Tester${counter}`, _verified: true, ...opts.data } as never,
  })
  let token = ''
  if (opts.login !== false) token = await login(email, password)
  return { id: user.id as number, email, password, token, roles }
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
