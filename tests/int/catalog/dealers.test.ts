import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { get, gql, patch, post } from '../../helpers/api'
import { testPayload } from '../../helpers/payload'
import { createUser, type TestUser } from '../../helpers/users'
import { count } from './fixtures'

let payload: Payload
let owner: TestUser, other: TestUser, admin: TestUser
let media: number

beforeAll(async () => {
  payload = await testPayload()
  ;[owner, other, admin] = await Promise.all([createUser({ roles: ['seller'] }), createUser({ roles: ['seller'] }), createUser({ roles: ['admin'] })])
  // a tiny PNG as the owner's own (private) verification document
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64')
  const doc = await payload.create({
    collection: 'verification-documents',
    overrideAccess: true,
    data: { owner: owner.id } as never,
    file: { data: png, mimetype: 'image/png', name: 'licence.png', size: png.length },
  })
  media = doc.id as number
})

describe('dealers', () => {
  it('one profile per owner; the owner cannot verify themselves; documents are private', async () => {
    const created = await post('/dealers', { name: 'Desert Autos', verificationStatus: 'verified', documents: [{ file: media, type: 'business_license' }] }, { token: owner.token })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    const d = created.body.doc
    expect(d.verificationStatus).toBe('pending')
    expect(d.owner.id ?? d.owner).toBe(owner.id)
    expect(d.slug).toBe('desert-autos')

    const before = await count('dealers')
    const second = await post('/dealers', { name: 'Desert Autos Two' }, { token: owner.token })
    expect(second.status).toBe(409)
    expect(await count('dealers')).toBe(before)

    expect((await patch(`/dealers/${d.id}`, { verificationStatus: 'verified' }, { token: owner.token })).body.doc.verificationStatus).toBe('pending')
    expect((await patch(`/dealers/${d.id}`, { name: 'Hijack' }, { token: other.token })).status).toBe(403)

    for (const token of [other.token, undefined]) {
      const res = await get(`/dealers/${d.id}`, { token })
      expect(res.status).toBe(200)
      expect(res.body.name).toBe('Desert Autos')
      // Payload drops the rows of a read-protected array (the key may remain as an empty list)
      expect(res.body.documents ?? []).toEqual([])
      expect(JSON.stringify(res.body)).not.toMatch(/business_license/)
    }
    expect((await get(`/dealers/${d.id}`, { token: owner.token })).body.documents).toHaveLength(1)
    expect((await get(`/dealers/${d.id}`, { token: admin.token })).body.documents).toHaveLength(1)
    const g = await gql(`query($id: Int!) { Dealer(id: $id) { name documents { type } } }`, { id: d.id }, { token: other.token })
    expect(g.body.data?.Dealer?.name).toBe('Desert Autos')
    expect(g.body.data?.Dealer?.documents ?? []).toEqual([])
  })

  it('admins change verificationStatus and the owner is notified', async () => {
    const u = await createUser({ roles: ['seller'] })
    const d = (await post('/dealers', { name: 'Verify Me Motors' }, { token: u.token })).body.doc
    const res = await patch(`/dealers/${d.id}`, { verificationStatus: 'verified' }, { token: admin.token })
    expect(res.status).toBe(200)
    expect(res.body.doc.verificationStatus).toBe('verified')
    expect(res.body.doc.verifiedAt).toBeTruthy()
    const notes = await payload.find({ collection: 'notifications', where: { user: { equals: u.id }, type: { equals: 'verification_status' } }, overrideAccess: true })
    expect(notes.totalDocs).toBe(1)
    expect(notes.docs[0].title).toMatch(/verified/i)
  })

  it('concurrent profile creation by one owner leaves exactly one profile', async () => {
    const u = await createUser({ roles: ['seller'] })
    const results = await Promise.all([1, 2, 3, 4].map((i) => post('/dealers', { name: `Race Dealer ${i}` }, { token: u.token })))
    expect(results.filter((r) => r.status === 201)).toHaveLength(1)
    for (const r of results.filter((x) => x.status !== 201)) expect([400, 409]).toContain(r.status)
    expect(await count('dealers', { owner: { equals: u.id } })).toBe(1)
  })
})
