/**
 * API keys and public user profiles (issue 15, items 1 and 2): the key is readable only by its owner on a
 * single-document read (REST and GraphQL), never in lists, never by other users or admins; the owner can
 * still sign in with it; staff accounts are not public and public profiles carry no account internals.
 */
import { beforeAll, describe, expect, it } from 'vitest'

import { api, get, gql, patch } from '../../helpers/api'
import { createUser, type TestUser } from '../../helpers/users'

const KEY = `ak_${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`
const KEY_FIELDS = ['apiKey', 'enableAPIKey', 'apiKeyIndex']
/** Account internals that no public profile may carry. */
const INTERNALS = ['email', 'roles', 'status', 'suspendedUntil', 'suspensionReason', 'sessions', 'lastLogin', 'phone', 'notificationPreferences', '_verified', ...KEY_FIELDS]

let owner: TestUser
let buyer: TestUser
let otherSeller: TestUser
let editor: TestUser
let admin: TestUser
let technician: TestUser
let parkingOwner: TestUser
let adminSeller: TestUser

/** A value reached the caller (Payload answers a denied array field with `[]`, which carries nothing). */
const carries = (doc: Record<string, unknown>, f: string) => {
  const v = doc[f]
  return v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0)
}

const viewers = () => ({ anonymous: undefined, buyer: buyer.token, otherSeller: otherSeller.token, editor: editor.token, admin: admin.token })

beforeAll(async () => {
  ;[owner, buyer, otherSeller, editor, admin, technician, parkingOwner, adminSeller] = await Promise.all([
    createUser({ roles: ['seller'] }),
    createUser({ roles: ['buyer'] }),
    createUser({ roles: ['seller'] }),
    createUser({ roles: ['editor'] }),
    createUser({ roles: ['admin'] }),
    createUser({ roles: ['technician'] }),
    createUser({ roles: ['parking_owner'] }),
    createUser({ roles: ['admin', 'seller'] }),
  ])
  const res = await patch(`/users/${owner.id}`, { enableAPIKey: true, apiKey: KEY }, { token: owner.token })
  expect(res.status).toBe(200)
})

describe('API key secrecy', () => {
  it('the owner reads the key on a single-document read (REST and GraphQL)', async () => {
    const rest = await get(`/users/${owner.id}`, { token: owner.token })
    expect(rest.status).toBe(200)
    expect(rest.body.apiKey).toBe(KEY)
    expect(rest.body.enableAPIKey).toBe(true)
    const g = await gql(`{ User(id: ${owner.id}) { id apiKey enableAPIKey } }`, undefined, { token: owner.token })
    expect(g.body.errors).toBeUndefined()
    expect(g.body.data.User).toMatchObject({ apiKey: KEY, enableAPIKey: true })
  })

  it.each(['anonymous', 'buyer', 'otherSeller', 'editor', 'admin'] as const)('%s never reads it: REST single, REST list, GraphQL User and Users', async (who) => {
    const token = viewers()[who]
    const single = await get(`/users/${owner.id}`, { token })
    expect(single.status).toBe(200) // a seller's public profile is readable
    for (const f of KEY_FIELDS) expect(single.body).not.toHaveProperty(f)
    expect(JSON.stringify(single.body)).not.toContain(KEY)

    const list = await get(`/users?where[id][equals]=${owner.id}&limit=10`, { token })
    expect(list.status).toBe(200)
    expect(list.body.docs.map((d: { id: number }) => d.id)).toEqual([owner.id])
    expect(JSON.stringify(list.body)).not.toContain(KEY)
    for (const f of KEY_FIELDS) expect(list.body.docs[0]).not.toHaveProperty(f)

    const g = await gql(`{ User(id: ${owner.id}) { id apiKey enableAPIKey } Users(where: { id: { equals: ${owner.id} } }) { docs { id apiKey enableAPIKey } } }`, undefined, { token })
    expect(g.body.errors).toBeUndefined()
    expect(g.body.data.User).toEqual({ id: owner.id, apiKey: null, enableAPIKey: null })
    expect(g.body.data.Users.docs).toEqual([{ id: owner.id, apiKey: null, enableAPIKey: null }])
  })

  it('lists never carry the key, not even for the owner', async () => {
    const list = await get(`/users?where[id][equals]=${owner.id}`, { token: owner.token })
    expect(list.body.docs).toHaveLength(1)
    expect(list.body.docs[0]).not.toHaveProperty('apiKey')
    expect(list.body.docs[0].id).toBe(owner.id)
    const g = await gql(`{ Users(where: { id: { equals: ${owner.id} } }) { docs { id apiKey } } }`, undefined, { token: owner.token })
    expect(g.body.data.Users.docs).toEqual([{ id: owner.id, apiKey: null }])
  })

  it('the owner still signs in with the key; a wrong key signs nobody in', async () => {
    const me = await api('GET', '/users/me', { headers: { Authorization: `users API-Key ${KEY}` } })
    expect(me.status).toBe(200)
    expect(me.body.user?.id).toBe(owner.id)
    const wrong = await api('GET', '/users/me', { headers: { Authorization: `users API-Key ${KEY}x` } })
    expect(wrong.body.user ?? null).toBeNull()
  })
})

describe('public user profiles', () => {
  it('anonymous lists only public-facing roles: no admin, editor or buyer accounts', async () => {
    const ids = [owner, buyer, editor, admin, technician, parkingOwner, adminSeller].map((u) => u.id)
    const res = await get(`/users?where[id][in]=${ids.join(',')}&limit=50`)
    expect(res.status).toBe(200)
    const listed = new Set(res.body.docs.map((d: { id: number }) => d.id))
    expect([...listed].sort()).toEqual([owner.id, technician.id, parkingOwner.id, adminSeller.id].sort())
    expect(listed.has(admin.id)).toBe(false)
    expect(listed.has(editor.id)).toBe(false)
    expect((await get(`/users/${admin.id}`)).status).toBe(404)
    expect((await get(`/users/${editor.id}`)).status).toBe(404)
  })

  it('the unfiltered public list (limit=0, clamped) holds no staff-only account and no internals', async () => {
    const res = await get('/users?limit=0')
    expect(res.status).toBe(200)
    expect(res.body.docs.length).toBeGreaterThan(0)
    const ids = res.body.docs.map((d: { id: number }) => d.id)
    expect(ids).not.toContain(admin.id)
    expect(ids).not.toContain(editor.id)
    const leaked = res.body.docs.flatMap((doc: Record<string, unknown>) => INTERNALS.filter((f) => carries(doc, f)).map((f) => `${doc.id}.${f}`))
    expect(leaked).toEqual([])
  })

  it('public profiles carry their declared public fields, and no internals, over REST and GraphQL', async () => {
    const rest = await get(`/users/${technician.id}`, { token: buyer.token })
    expect(rest.status).toBe(200)
    expect(rest.body).toMatchObject({ id: technician.id, firstName: 'technician' })
    expect(INTERNALS.filter((f) => carries(rest.body, f))).toEqual([])
    const g = await gql(`{ Users(where: { id: { equals: ${technician.id} } }) { docs { id firstName email roles status suspendedUntil lastLogin } } }`)
    expect(g.body.errors).toBeUndefined()
    expect(g.body.data.Users.docs).toEqual([{ id: technician.id, firstName: 'technician', email: null, roles: null, status: null, suspendedUntil: null, lastLogin: null }])
  })

  it('staff filters on private fields are not an oracle: where[roles] is refused for the public', async () => {
    const res = await get('/users?where[roles][in]=admin')
    expect(res.status).toBe(400)
    expect(res.body.errors?.[0]?.message).toBeTruthy()
  })

  it('editors (moderation) read account state but not personal data; admins and the user read everything', async () => {
    const asEditor = await get(`/users/${buyer.id}`, { token: editor.token })
    expect(asEditor.status).toBe(200)
    expect(asEditor.body).toMatchObject({ roles: ['buyer'], status: 'active' })
    expect(asEditor.body).not.toHaveProperty('email')
    const asAdmin = await get(`/users/${buyer.id}`, { token: admin.token })
    expect(asAdmin.body).toMatchObject({ email: buyer.email, roles: ['buyer'] })
    expect(asAdmin.body).not.toHaveProperty('apiKey')
    const self = await get(`/users/${buyer.id}`, { token: buyer.token })
    expect(self.body).toMatchObject({ email: buyer.email, roles: ['buyer'], status: 'active' })
  })
})
