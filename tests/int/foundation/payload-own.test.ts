/**
 * Payload's own collections and globals (edit locks, admin preferences, migrations, jobs and their stats, the
 * key-value store), added while Payload sanitizes the config, after every plugin, are under the platform's rules
 * (src/plugins/payload-own.ts):
 * - every collection and global of the built config carries the guards, and none answers Payload's 501;
 * - preferences: a user reads, changes and deletes only their own (a buyer could rewrite an admin's and read it back);
 *   deleting one that does not exist is a 404 (the drizzle patch: it was a 500);
 * - edit locks: a buyer sees and touches none; a seller sees, takes over and releases only the locks of documents
 *   they may update (another seller's car's lock is a 404); a take-over names the requester, whatever the body says;
 * - the jobs' stats: read by admins only, written by no client;
 * - an unknown route and a collection without routes answer 404 in Payload's error shape;
 * - over GraphQL the same access holds (a buyer's mutations of these are refused).
 * The access matrix of these collections: tests/access/payload.rows.ts.
 */
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { isGuarded, isGuardedGlobal } from '../../../src/plugins/guards'
import { api, del, get, gql, isErrorShape, patch, post } from '../../helpers/api'
import { testPayload } from '../../helpers/payload'
import { createUser, type TestUser } from '../../helpers/users'
import { makePost } from '../content/fixtures'
import { createCar } from '../negotiation/fixtures'

let payload: Payload
let admin: TestUser, buyer: TestUser, seller: TestUser, otherSeller: TestUser

beforeAll(async () => {
  payload = await testPayload()
  ;[admin, buyer, seller, otherSeller] = await Promise.all([createUser({ roles: ['admin'] }), createUser({ roles: ['buyer'] }), createUser({ roles: ['seller'] }), createUser({ roles: ['seller'] })])
})

describe("Payload's own collections and globals", () => {
  it('every collection and global of the built config carries the guards and has REST routes or none (no 501)', () => {
    const own = payload.config.collections.filter((c) => c.slug.startsWith('payload-')).map((c) => c.slug)
    expect(own).toEqual(expect.arrayContaining(['payload-locked-documents', 'payload-preferences', 'payload-migrations', 'payload-jobs', 'payload-kv']))
    expect(payload.config.collections.filter((c) => !isGuarded(c)).map((c) => c.slug)).toEqual([])
    expect(payload.config.globals.filter((g) => !isGuardedGlobal(g)).map((g) => g.slug)).toEqual([])
    expect([...payload.config.collections, ...payload.config.globals].filter((e) => e.endpoints === false).map((e) => e.slug)).toEqual([])
  })

  it('an unknown route and the migrations (no routes) answer 404 in the error shape', async () => {
    for (const [method, path] of [
      ['GET', '/nope'],
      ['GET', '/payload-migrations'],
      ['POST', '/payload-migrations'],
      ['DELETE', '/payload-migrations/1'],
    ] as const) {
      const res = await api(method, path, { token: admin.token, ...(method === 'POST' ? { body: { name: 'x' } } : {}) })
      expect(res.status, `${method} ${path}`).toBe(404)
      expect(isErrorShape(res.body), JSON.stringify(res.body)).toBe(true)
    }
  })
})

describe('admin preferences: each user their own', () => {
  it("a buyer cannot read, rewrite or delete an admin's preference; the admin can; a missing key is a 404", async () => {
    const saved = await post('/payload-preferences/nav', { value: { open: ['Catalog'] } }, { token: admin.token })
    expect(saved.status).toBe(200)
    const id = saved.body.doc.id as number
    // `/:key` is Payload's own route: a buyer asking for the id as a key gets their own (none)
    const asKey = await get(`/payload-preferences/${id}`, { token: buyer.token })
    expect(asKey.body.value).toBeNull()
    for (const res of [await patch(`/payload-preferences/${id}`, { key: 'nav', value: { open: [] } }, { token: buyer.token }), await del(`/payload-preferences/${id}`, { token: buyer.token })]) {
      expect([403, 404], JSON.stringify(res.body)).toContain(res.status)
      expect(JSON.stringify(res.body)).not.toContain('Catalog')
    }
    const list = await get('/payload-preferences?limit=0', { token: buyer.token })
    expect(list.status).toBe(200)
    expect(list.body.docs).toEqual([])
    const stored = await payload.findByID({ collection: 'payload-preferences', id, depth: 0, overrideAccess: true })
    expect(stored.value).toEqual({ open: ['Catalog'] })
    expect(stored.user).toEqual({ relationTo: 'users', value: admin.id })

    expect((await patch(`/payload-preferences/${id}`, { value: { open: ['Parking'] } }, { token: admin.token })).status).toBe(200)
    expect((await get('/payload-preferences/nav', { token: admin.token })).body.value).toEqual({ open: ['Parking'] })
    // a preference that is not there: 404 (the adapter's delete crossed the relationship table without joining it: a 500)
    const missing = await del('/payload-preferences/no-such-key', { token: buyer.token })
    expect(missing.status, JSON.stringify(missing.body)).toBe(404)
    expect((await del('/payload-preferences/nav', { token: admin.token })).status).toBe(200)
    expect(await payload.count({ collection: 'payload-preferences', where: { id: { equals: id } }, overrideAccess: true })).toEqual({ totalDocs: 0 })
  })

  it('a preference filtered by its user as a plain value is a 400 naming the field, not a 500', async () => {
    const res = await get('/payload-preferences?where[user][equals]=abc', { token: buyer.token })
    expect(res.status, JSON.stringify(res.body)).toBe(400)
    expect(JSON.stringify(res.body)).toContain('user')
  })
})

describe('edit locks: those of what one may edit', () => {
  it('a buyer sees none and touches none; a seller takes over and releases the lock of an own car only', async () => {
    const own = await createCar({ seller: seller.id })
    const others = await createCar({ seller: otherSeller.id })
    const lockOf = async (carID: number, user: TestUser) =>
      (
        await payload.create({
          collection: 'payload-locked-documents',
          overrideAccess: true,
          data: { document: { relationTo: 'cars', value: carID }, user: { relationTo: 'users', value: user.id } } as never,
        })
      ).id as number
    const ownLock = await lockOf(own.id, admin)
    const othersLock = await lockOf(others.id, otherSeller)
    const lockUser = async (id: number) =>
      ((await payload.findByID({ collection: 'payload-locked-documents', id, depth: 0, overrideAccess: true, disableErrors: true })) as { user?: { value: number } } | null)?.user?.value

    // a buyer: the panel is not theirs; no list, no take-over, no release, no new lock
    expect((await get('/payload-locked-documents', { token: buyer.token })).status).toBe(403)
    expect((await patch(`/payload-locked-documents/${ownLock}`, { user: { relationTo: 'users', value: buyer.id } }, { token: buyer.token })).status).toBe(403)
    expect((await del(`/payload-locked-documents/${ownLock}`, { token: buyer.token })).status).toBe(403)
    const created = await post('/payload-locked-documents', { document: { relationTo: 'cars', value: own.id }, user: { relationTo: 'users', value: buyer.id } }, { token: buyer.token })
    expect(created.status).toBe(403)
    expect(await lockUser(ownLock)).toBe(admin.id)

    // a seller: the cars' locks are listed (the panel checks whether a car is being edited)
    const listed = await get(`/payload-locked-documents?where[document.relationTo][equals]=cars&where[document.value][equals]=${own.id}`, { token: seller.token })
    expect(listed.status, JSON.stringify(listed.body)).toBe(200)
    expect(listed.body.docs.map((d: { id: number }) => d.id)).toEqual([ownLock])
    // only the locks of what they may edit: not that another seller's car is open, nor by whom (REST and GraphQL)
    const carLocks = await get('/payload-locked-documents?where[document.relationTo][equals]=cars&limit=100', { token: seller.token })
    expect(carLocks.body.docs.map((d: { id: number }) => d.id)).toEqual([ownLock])
    expect((await get(`/payload-locked-documents/${othersLock}`, { token: seller.token })).status).toBe(404)
    const viaGraphql = await gql('{ PayloadLockedDocuments(limit: 100) { docs { id } } }', undefined, { token: seller.token })
    expect(viaGraphql.body.data.PayloadLockedDocuments.docs.map((d: { id: number }) => d.id)).toEqual([ownLock])
    expect((await get('/payload-locked-documents?limit=100', { token: admin.token })).body.docs.map((d: { id: number }) => d.id)).toEqual(expect.arrayContaining([ownLock, othersLock]))
    // a panel user with nothing to edit reads an empty list, not a 403 (the panel reads the lock of each document it opens)
    const newcomer = await createUser({ roles: ['seller'] })
    const none = await get('/payload-locked-documents?limit=100', { token: newcomer.token })
    expect(none.status).toBe(200)
    expect(none.body.docs).toEqual([])
    // but another seller's car's lock is not theirs to take over or release
    expect((await patch(`/payload-locked-documents/${othersLock}`, { user: { relationTo: 'users', value: seller.id } }, { token: seller.token })).status).toBe(403)
    expect((await del(`/payload-locked-documents/${othersLock}`, { token: seller.token })).status).toBe(403)
    expect(await lockUser(othersLock)).toBe(otherSeller.id)
    // their own car's lock is: a take-over names the requester, whatever the body says
    const takeOver = await patch(`/payload-locked-documents/${ownLock}`, { user: { relationTo: 'users', value: otherSeller.id } }, { token: seller.token })
    expect(takeOver.status, JSON.stringify(takeOver.body)).toBe(200)
    expect(await lockUser(ownLock)).toBe(seller.id)
    expect((await del(`/payload-locked-documents/${ownLock}`, { token: seller.token })).status).toBe(200)
    expect(await lockUser(ownLock)).toBeUndefined()

    // an admin releases any
    expect((await del(`/payload-locked-documents/${othersLock}`, { token: admin.token })).status).toBe(200)
  })

  it("an editor sees the locks of every post (a collection they may edit whole), not a car's nor a global's", async () => {
    const editor = await createUser({ roles: ['editor'] })
    const { id: postId } = await makePost(admin.id as number)
    const car = await createCar({ seller: seller.id })
    const lock = async (data: Record<string, unknown>) =>
      (await payload.create({ collection: 'payload-locked-documents', overrideAccess: true, data: { ...data, user: { relationTo: 'users', value: admin.id } } as never })).id as number
    const postLock = await lock({ document: { relationTo: 'posts', value: postId } })
    const carLock = await lock({ document: { relationTo: 'cars', value: car.id } })
    const globalLock = await lock({ globalSlug: 'site-settings' })
    const ids = (body: { docs: { id: number }[] }) => body.docs.map((d) => d.id)
    const listed = await get('/payload-locked-documents?limit=100', { token: editor.token })
    expect(listed.status).toBe(200)
    expect(ids(listed.body)).toEqual([postLock])
    const viaGraphql = await gql('{ PayloadLockedDocuments(limit: 100) { docs { id } } }', undefined, { token: editor.token })
    expect(ids(viaGraphql.body.data.PayloadLockedDocuments)).toEqual([postLock])
    for (const hidden of [carLock, globalLock]) expect((await get(`/payload-locked-documents/${hidden}`, { token: editor.token })).status).toBe(404)
    // the admin sees all three
    expect(ids((await get('/payload-locked-documents?limit=100', { token: admin.token })).body)).toEqual(expect.arrayContaining([postLock, carLock, globalLock]))
    await payload.delete({ collection: 'payload-locked-documents', where: { id: { in: [postLock, carLock, globalLock] } }, overrideAccess: true })
  })
})

describe("the jobs queue's stats", () => {
  it('are read by admins only and written by no client', async () => {
    for (const token of [undefined, buyer.token, seller.token]) expect((await get('/globals/payload-jobs-stats', { token })).status).toBe(403)
    expect((await get('/globals/payload-jobs-stats', { token: admin.token })).status).toBe(200)
    for (const token of [buyer.token, admin.token]) {
      const res = await post('/globals/payload-jobs-stats', { stats: { scheduledRuns: { queues: {} } } }, { token })
      expect(res.status, JSON.stringify(res.body)).toBe(403)
    }
    const stats = (await payload.findGlobal({ slug: 'payload-jobs-stats' as never, overrideAccess: true })) as { stats?: unknown }
    expect(JSON.stringify(stats.stats ?? null)).not.toContain('queues')
  })
})

describe('the same over GraphQL', () => {
  it("a buyer's mutations of an admin's preference, the locks and the jobs' stats are refused; the admin reads the stats", async () => {
    const saved = await post('/payload-preferences/graphql-nav', { value: { open: ['Catalog'] } }, { token: admin.token })
    const id = saved.body.doc.id as number
    const refused = async (query: string, variables?: Record<string, unknown>) => {
      const res = await gql(query, variables, { token: buyer.token })
      expect(res.body.errors?.length, `${query} ${JSON.stringify(res.body)}`).toBeGreaterThan(0)
      expect((res.body.errors ?? []).map((e) => e.extensions?.statusCode)).toContain(403)
    }
    await refused('mutation($id: Int!, $value: JSON) { updatePayloadPreference(id: $id, data: { value: $value }) { id value } }', { id, value: { open: [] } })
    await refused('{ PayloadLockedDocuments { docs { id } } }')
    await refused('mutation($stats: JSON) { updatePayloadJobsStat(data: { stats: $stats }) { stats } }', { stats: { scheduledRuns: { queues: {} } } })
    await refused('{ PayloadJobsStat { stats } }')
    const stored = await payload.findByID({ collection: 'payload-preferences', id, depth: 0, overrideAccess: true })
    expect(stored.value).toEqual({ open: ['Catalog'] })
    const read = await gql('{ PayloadJobsStat { updatedAt } }', undefined, { token: admin.token })
    expect(read.body.errors, JSON.stringify(read.body)).toBeUndefined()
  })
})
