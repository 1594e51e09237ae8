import { afterEach, beforeAll, describe, expect, it } from 'vitest'

import { get, gql, patch, post } from '../../helpers/api'
import { testPayload } from '../../helpers/payload'
import { createUser, type TestUser } from '../../helpers/users'

let admin: TestUser

beforeAll(async () => {
  admin = await createUser({ roles: ['admin'] })
})

describe('roles', () => {
  it('a buyer cannot make themself admin: the roles field stays unchanged', async () => {
    const buyer = await createUser({ roles: ['buyer'] })
    const res = await patch(`/users/${buyer.id}`, { roles: ['admin'], firstName: 'Changed' }, { token: buyer.token })
    expect(res.status).toBe(200)
    const payload = await testPayload()
    const doc = await payload.findByID({ collection: 'users', id: buyer.id, overrideAccess: true })
    expect(doc.roles).toEqual(['buyer'])
    expect(doc.firstName).toBe('Changed')
  })

  it('a buyer cannot edit another user (403)', async () => {
    const a = await createUser({ roles: ['buyer'] })
    const b = await createUser({ roles: ['seller'] })
    const res = await patch(`/users/${b.id}`, { firstName: 'Hacked' }, { token: a.token })
    expect(res.status).toBe(403)
  })

  it('an admin grants roles', async () => {
    const u = await createUser({ roles: ['buyer'] })
    const res = await patch(`/users/${u.id}`, { roles: ['technician'] }, { token: admin.token })
    expect(res.status).toBe(200)
    expect(res.body.doc.roles).toEqual(['technician'])
  })

  it('another user’s email and phone are hidden; a seller’s public profile is readable', async () => {
    const seller = await createUser({ roles: ['seller'], data: { phone: '+15550001' } })
    const buyer = await createUser({ roles: ['buyer'] })
    const res = await get(`/users/${seller.id}`, { token: buyer.token })
    expect(res.status).toBe(200)
    expect(res.body.firstName).toBe('seller')
    expect(res.body.email).toBeUndefined()
    expect(res.body.phone).toBeUndefined()
    const own = await get(`/users/${seller.id}`, { token: seller.token })
    expect(own.body.email).toBe(seller.email)
    // buyers' profiles are private (not found, so their existence does not leak)
    expect((await get(`/users/${buyer.id}`, { token: seller.token })).status).toBe(404)
  })
})

describe('suspension', () => {
  let suspended: TestUser
  afterEach(async () => {
    const payload = await testPayload()
    if (suspended) await payload.update({ collection: 'users', id: suspended.id, data: { status: 'active' }, overrideAccess: true })
  })

  it('a suspended user can read but every write is 403', async () => {
    suspended = await createUser({ roles: ['seller'] })
    const payload = await testPayload()
    await payload.update({ collection: 'users', id: suspended.id, data: { status: 'suspended', suspendedUntil: new Date(Date.now() + 86_400_000).toISOString() }, overrideAccess: true })

    expect((await get('/users/me', { token: suspended.token })).status).toBe(200)
    const write = await patch(`/users/${suspended.id}`, { firstName: 'Nope' }, { token: suspended.token })
    expect(write.status).toBe(403)
    const doc = await payload.findByID({ collection: 'users', id: suspended.id, overrideAccess: true })
    expect(doc.firstName).not.toBe('Nope')
  })

  it('a suspension whose date has passed no longer blocks writes', async () => {
    suspended = await createUser({ roles: ['seller'] })
    const payload = await testPayload()
    await payload.update({ collection: 'users', id: suspended.id, data: { status: 'suspended', suspendedUntil: new Date(Date.now() - 1000).toISOString() }, overrideAccess: true })
    const write = await patch(`/users/${suspended.id}`, { firstName: 'Back' }, { token: suspended.token })
    expect(write.status).toBe(200)
  })

  it('an inactive account cannot sign in', async () => {
    const u = await createUser({ roles: ['buyer'], login: false })
    const payload = await testPayload()
    await payload.update({ collection: 'users', id: u.id, data: { status: 'inactive' }, overrideAccess: true })
    const res = await post('/users/login', { email: u.email, password: u.password })
    expect(res.status).toBe(403)
    expect(res.body.errors[0].message).toMatch(/inactive/)
  })
})

describe('login history', () => {
  it('records each sign-in with user agent and stamps lastLogin', async () => {
    const u = await createUser({ roles: ['buyer'], login: false })
    const res = await post('/users/login', { email: u.email, password: u.password }, { headers: { 'User-Agent': 'vitest-agent/1.0' } })
    expect(res.status).toBe(200)
    const payload = await testPayload()
    const events = await payload.find({ collection: 'login-events', where: { user: { equals: u.id } }, overrideAccess: true })
    expect(events.totalDocs).toBe(1)
    expect(events.docs[0].userAgent).toBe('vitest-agent/1.0')
    const doc = await payload.findByID({ collection: 'users', id: u.id, overrideAccess: true })
    expect(doc.lastLogin).toBeTruthy()
    // the user reads their own history, not someone else's
    const other = await createUser({ roles: ['buyer'] })
    const list = await get('/login-events', { token: other.token })
    expect(list.body.docs.every((e: { user: { id: number } | number }) => (typeof e.user === 'object' ? e.user.id : e.user) === other.id)).toBe(true)
  })
})

describe('guards', () => {
  it('lists cannot dump a collection: limit=0 and huge limits are clamped, for admins too (the Local API is not)', async () => {
    const payload = await testPayload()
    for (let i = 0; i < 4; i++) await createUser({ roles: ['seller'], login: false })
    process.env.MAX_PAGE_SIZE = '2'
    try {
      const anon = await get('/users?limit=0')
      expect(anon.status).toBe(200)
      expect(anon.body.docs.length).toBe(2)
      expect(anon.body.totalDocs).toBeGreaterThan(2)
      const big = await get('/users?limit=5000&pagination=false')
      expect(big.body.docs.length).toBe(2)
      const adminList = await get('/users?limit=0', { token: admin.token })
      expect(adminList.body.docs.length).toBe(2)
      expect((await payload.find({ collection: 'users', limit: 0, overrideAccess: true })).docs.length).toBe((await payload.count({ collection: 'users', overrideAccess: true })).totalDocs)
    } finally {
      delete process.env.MAX_PAGE_SIZE
    }
  })

  it('GraphQL answers introspection and enforces the complexity limit', async () => {
    const intro = await gql('{ __schema { queryType { name } mutationType { name } } }')
    expect(intro.body.data?.__schema.queryType.name).toBe('Query')
    const selection = '{ docs { id email firstName lastName avatar { id filename uploadedBy { id email } } } }'
    const heavy = await gql(`{ ${Array.from({ length: 150 }, (_, i) => `q${i}: Users(limit: 100) ${selection}`).join(' ')} }`)
    expect(heavy.body.data ?? null).toBeNull()
    expect(heavy.body.errors?.[0]?.message ?? '').toMatch(/complex/i)
    const light = await gql(`{ q0: Users(limit: 5) ${selection} }`, {}, { token: admin.token })
    expect(light.body.errors).toBeUndefined()
  })

  it('defaultDepth is 1: relationships are populated one level deep', async () => {
    const payload = await testPayload()
    expect(payload.config.defaultDepth).toBeLessThanOrEqual(1)
  })
})

describe('service accounts', () => {
  it('authenticate with an API key instead of a password', async () => {
    const payload = await testPayload()
    const service = await createUser({ roles: ['editor'], login: false })
    const apiKey = `svc-${Math.random().toString(36).slice(2)}${Date.now()}`
    await payload.update({ collection: 'users', id: service.id, data: { enableAPIKey: true, apiKey } as never, overrideAccess: true })
    const me = await get('/users/me', { headers: { Authorization: `users API-Key ${apiKey}` } })
    expect(me.status).toBe(200)
    expect(me.body.user.email).toBe(service.email)
    const wrong = await get('/users/me', { headers: { Authorization: 'users API-Key not-a-key' } })
    expect(wrong.body.user).toBeNull()
  })
})
