/**
 * Table-driven access matrix (tests/access/*.rows.ts): evaluates each collection's declared access for a
 * user of each role, plus the platform rules that hold for every collection (suspended accounts never write).
 */
import { createLocalReq, type Payload, type PayloadRequest, type Where } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import type { Role } from '../../src/access/roles'
import { type AccessRow, type Expect, MATRIX_ROLES, type MatrixRole, type Op } from '../access/types'
import { testPayload } from '../helpers/payload'

const modules = import.meta.glob<{ rows: AccessRow[] }>('../access/*.rows.ts', { eager: true })
const ROWS = Object.values(modules).flatMap((m) => m.rows)
const OPS: Op[] = ['create', 'read', 'update', 'delete']

let payload: Payload

function fakeUser(role: MatrixRole, status: 'active' | 'suspended' = 'active') {
  if (role === 'anonymous') return null
  return { id: 999_999, collection: 'users', email: `${role}@matrix.test`, roles: [role as Role], status, suspendedUntil: null }
}

async function evaluate(slug: string, op: Op, role: MatrixRole, status: 'active' | 'suspended' = 'active'): Promise<Expect> {
  const collection = payload.collections[slug as keyof typeof payload.collections]
  const access = collection.config.access[op]
  const req = (await createLocalReq({ user: fakeUser(role, status) as never }, payload)) as PayloadRequest
  const result = (await access({ req, id: undefined, data: {} } as never)) as boolean | Where
  if (result === true) return true
  if (!result) return false
  return 'filtered'
}

beforeAll(async () => {
  payload = await testPayload()
})

describe('access matrix', () => {
  it('has a row for every collection and operation', () => {
    const covered = new Set(ROWS.map((r) => `${r.collection}.${r.op}`))
    const slugs = payload.config.collections.map((c) => c.slug)
    const missing = slugs.flatMap((s) => OPS.map((op) => `${s}.${op}`)).filter((k) => !covered.has(k))
    expect(missing).toEqual([])
  })

  it.each(ROWS.map((r) => [`${r.collection}.${r.op}`, r] as const))('%s', async (_name, row) => {
    const actual: Record<string, Expect> = {}
    for (const role of MATRIX_ROLES) actual[role] = await evaluate(row.collection, row.op, role)
    expect(actual).toEqual(row.expect)
  })

  it('suspended accounts of every role are denied every write on every collection', async () => {
    const allowed: string[] = []
    for (const c of payload.config.collections) {
      for (const op of ['create', 'update', 'delete'] as const) {
        for (const role of MATRIX_ROLES.filter((r) => r !== 'anonymous')) {
          if ((await evaluate(c.slug, op, role, 'suspended')) !== false) allowed.push(`${c.slug}.${op}.${role}`)
        }
      }
    }
    expect(allowed).toEqual([])
  })
})

/**
 * Collections whose REST create is a workflow endpoint (`POST /api/<slug>` replaced) whose rules live in the collection's
 * own hooks, so the built-in create (GraphQL, the admin panel) runs them too. Every other such collection keeps the
 * built-in create for admins: a client's GraphQL create would skip the endpoint's rules.
 */
const CREATE_RULES_IN_HOOKS: Record<string, string> = {
  'parking-bookings': 'the create hook checks the window, the vehicle and capacity under the spot lock, and prices it',
  votes: 'the change hooks keep one vote per user and target and the targets’ counts',
}

describe('workflow creates', () => {
  it('a collection whose REST create is a workflow endpoint leaves the built-in create (GraphQL, admin panel) to admins, unless its hooks carry the rules', async () => {
    // the platform's own endpoints carry their declaration (`custom.spec`, src/http/define-endpoint.ts); Payload's default
    // REST routes are in the same list
    const replaced: string[] = payload.config.collections
      .filter((c) => (c.endpoints || []).some((e) => e.method === 'post' && e.path === '/' && (e.custom as { spec?: unknown } | undefined)?.spec))
      .map((c) => c.slug)
    expect(replaced).toEqual(expect.arrayContaining(['negotiations', 'contact-submissions', 'subscriptions', ...Object.keys(CREATE_RULES_IN_HOOKS)]))
    const open: string[] = []
    for (const slug of replaced.filter((s) => !CREATE_RULES_IN_HOOKS[s])) {
      for (const role of MATRIX_ROLES.filter((r) => r !== 'admin')) if ((await evaluate(slug, 'create', role)) !== false) open.push(`${slug}.create.${role}`)
    }
    expect(open).toEqual([])
    // every exception is such a collection (no stale entry)
    expect(Object.keys(CREATE_RULES_IN_HOOKS).filter((s) => !replaced.includes(s))).toEqual([])
  })
})

describe('declared access', () => {
  it('every collection sets every operation explicitly (no reliance on Payload defaults)', async () => {
    // Each collection's own module (collections/<domain>/<Collection>/index.ts), before plugins or Payload add defaults.
    const modules = import.meta.glob<Record<string, unknown>>('../../collections/*/*/index.ts', { eager: true })
    const undeclared: string[] = []
    let seen = 0
    for (const mod of Object.values(modules)) {
      for (const value of Object.values(mod)) {
        const c = value as { slug?: unknown; fields?: unknown; access?: Record<string, unknown> }
        if (!c || typeof c !== 'object' || typeof c.slug !== 'string' || !Array.isArray(c.fields)) continue
        seen++
        for (const op of OPS) if (typeof c.access?.[op] !== 'function') undeclared.push(`${c.slug}.${op}`)
      }
    }
    expect(seen).toBeGreaterThanOrEqual(50)
    expect(undeclared).toEqual([])
  })
})
