import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { sql } from '../../../src/db/transaction'
import { get, patch, post } from '../../helpers/api'
import { testPayload } from '../../helpers/payload'
import { createUser, type TestUser } from '../../helpers/users'
import { count, makeWithModels } from './fixtures'

let payload: Payload
let seller: TestUser, otherSeller: TestUser, buyer: TestUser, admin: TestUser
let toyota: { make: number; models: Record<string, number> }
let bmw: { make: number; models: Record<string, number> }
let skuN = 0

const partBody = (over: Record<string, unknown> = {}) => ({ title: 'Oil Filter', sku: `SKU-${++skuN}-${Date.now()}`, price: 12.5, stockQuantity: 20, status: 'active', ...over })

async function createPart(user: TestUser, over: Record<string, unknown> = {}) {
  const res = await post('/parts', partBody(over), { token: user.token })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return res.body.doc as Record<string, any>
}

beforeAll(async () => {
  payload = await testPayload()
  ;[seller, otherSeller, buyer, admin] = await Promise.all([createUser({ roles: ['seller'] }), createUser({ roles: ['seller'] }), createUser({ roles: ['buyer'] }), createUser({ roles: ['admin'] })])
  toyota = await makeWithModels('Toyota', ['Camry', 'Corolla'])
  bmw = await makeWithModels('BMW', ['X5'])
})

describe('parts: stock status', () => {
  it('derives stockStatus from quantity and threshold, ignoring the client', async () => {
    expect((await createPart(seller, { stockQuantity: 0, stockStatus: 'in_stock' })).stockStatus).toBe('out_of_stock')
    expect((await createPart(seller, { stockQuantity: 5 })).stockStatus).toBe('low_stock')
    expect((await createPart(seller, { stockQuantity: 6 })).stockStatus).toBe('in_stock')
    expect((await createPart(seller, { stockQuantity: 8, lowStockThreshold: 10 })).stockStatus).toBe('low_stock')
    expect((await createPart(seller, { stockQuantity: 0, manageStock: false })).stockStatus).toBe('in_stock')
    const p = await createPart(seller, { stockQuantity: 50 })
    expect(p.stockStatus).toBe('in_stock')
    const low = await patch(`/parts/${p.id}`, { stockQuantity: 2 }, { token: seller.token })
    expect(low.body.doc.stockStatus).toBe('low_stock')
    const out = await patch(`/parts/${p.id}`, { stockQuantity: 0, stockStatus: 'in_stock' }, { token: seller.token })
    expect(out.body.doc.stockStatus).toBe('out_of_stock')
  })

  it('keeps stockStatus right when stock changes through raw SQL (database trigger)', async () => {
    const p = await createPart(seller, { stockQuantity: 10 })
    const db = (payload.db as any).drizzle
    await db.execute(sql`update parts set stock_quantity = stock_quantity - 7 where id = ${p.id}`)
    let row = (await db.execute(sql`select stock_status from parts where id = ${p.id}`)).rows[0]
    expect(row.stock_status).toBe('low_stock')
    await db.execute(sql`update parts set stock_quantity = 0 where id = ${p.id}`)
    row = (await db.execute(sql`select stock_status from parts where id = ${p.id}`)).rows[0]
    expect(row.stock_status).toBe('out_of_stock')
  })

  it('rejects bad input with 400 and writes nothing', async () => {
    const before = await count('parts')
    for (const bad of [{ salePrice: 20 }, { salePrice: 12.5 }, { stockQuantity: -1 }, { stockQuantity: 1.5 }, { price: undefined }, { sku: undefined }]) {
      const res = await post('/parts', partBody(bad), { token: seller.token })
      expect(res.status, JSON.stringify(bad)).toBe(400)
    }
    const taken = await createPart(seller)
    expect((await post('/parts', partBody({ sku: taken.sku }), { token: seller.token })).status).toBe(400)
    expect(await count('parts')).toBe(before + 1)
  })

  it('accepts a sale price below the price', async () => {
    expect((await createPart(seller, { salePrice: 9.99 })).salePrice).toBe(9.99)
  })

  it('rejects a compatibility row whose model is of another make', async () => {
    const before = await count('parts')
    const res = await post('/parts', partBody({ compatibility: [{ make: toyota.make, model: bmw.models.X5 }] }), { token: seller.token })
    expect(res.status).toBe(400)
    expect(JSON.stringify(res.body.errors)).toMatch(/compatibility\.0\.model/)
    expect(await count('parts')).toBe(before)
  })

  it('buyers cannot see drafts nor edit parts', async () => {
    const draft = await createPart(seller, { status: 'draft', title: 'Draft Part' })
    expect((await get(`/parts/${draft.id}`, { token: buyer.token })).status).toBe(404)
    expect((await get(`/parts/${draft.id}`, { token: seller.token })).status).toBe(200)
    const active = await createPart(seller, { title: 'Active Part' })
    expect((await patch(`/parts/${active.id}`, { price: 1 }, { token: otherSeller.token })).status).toBe(403)
    expect((await patch(`/parts/${active.id}`, { price: 1 }, { token: buyer.token })).status).toBe(403)
    expect((await post('/parts', partBody(), { token: buyer.token })).status).toBe(403)
  })
})

describe('GET /api/parts/compatible', () => {
  let camryPad: number, toyotaWide: number, x5Disc: number, draftCamry: number, camryOld: number
  beforeAll(async () => {
    camryPad = (await createPart(seller, { title: 'Camry Pads', compatibility: [{ make: toyota.make, model: toyota.models.Camry, yearFrom: 2012, yearTo: 2017 }] })).id
    toyotaWide = (await createPart(seller, { title: 'Toyota Wipers', compatibility: [{ make: toyota.make, yearFrom: 2005 }] })).id
    x5Disc = (await createPart(seller, { title: 'X5 Disc', compatibility: [{ make: bmw.make, model: bmw.models.X5, yearFrom: 2010, yearTo: 2020 }] })).id
    draftCamry = (await createPart(seller, { title: 'Draft Camry', status: 'draft', compatibility: [{ make: toyota.make, model: toyota.models.Camry }] })).id
    camryOld = (
      await createPart(seller, {
        title: 'Old Camry Filter',
        compatibility: [
          { make: toyota.make, model: toyota.models.Camry, yearFrom: 1995, yearTo: 2001 },
          { make: toyota.make, model: toyota.models.Corolla, yearFrom: 2014, yearTo: 2016 },
        ],
      })
    ).id
  })

  const ids = (body: any) => body.docs.map((d: any) => d.id).sort((a: number, b: number) => a - b)

  it('lists active parts whose rows match make, model and year', async () => {
    const res = await get(`/parts/compatible?make=${toyota.make}&model=${toyota.models.Camry}&year=2015`)
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(ids(res.body)).toEqual([camryPad, toyotaWide].sort((a, b) => a - b))
    expect(res.body.totalDocs).toBe(2)
    expect(ids(res.body)).not.toContain(draftCamry)
    expect(ids(res.body)).not.toContain(x5Disc)
  })

  it('respects the year range bounds and open ends', async () => {
    expect(ids((await get(`/parts/compatible?make=${toyota.make}&model=${toyota.models.Camry}&year=2018`)).body)).toEqual([toyotaWide])
    expect(ids((await get(`/parts/compatible?make=${toyota.make}&model=${toyota.models.Camry}&year=2017`)).body)).toEqual([camryPad, toyotaWide].sort((a, b) => a - b))
    expect(ids((await get(`/parts/compatible?make=${toyota.make}&model=${toyota.models.Camry}&year=1998`)).body)).toEqual([camryOld])
    // rows of one part are matched one by one: Camry 1995-2001 and Corolla 2014-2016 do not make "Camry 2015"
    expect(ids((await get(`/parts/compatible?model=${toyota.models.Corolla}&year=2015`)).body)).toEqual([toyotaWide, camryOld].sort((a, b) => a - b))
  })

  it('takes slugs, paginates', async () => {
    const make = await payload.findByID({ collection: 'makes', id: toyota.make, overrideAccess: true })
    const p1 = await get(`/parts/compatible?make=${make.slug}&year=2015&limit=1&page=1`)
    const p2 = await get(`/parts/compatible?make=${make.slug}&year=2015&limit=1&page=2`)
    expect(p1.body.totalDocs).toBe(3)
    expect(p1.body.totalPages).toBe(3)
    expect(p1.body.hasNextPage).toBe(true)
    expect(p1.body.docs).toHaveLength(1)
    expect(p2.body.docs).toHaveLength(1)
    expect(p2.body.docs[0].id).not.toBe(p1.body.docs[0].id)
  })

  it('answers 400 for bad queries', async () => {
    expect((await get('/parts/compatible')).status).toBe(400)
    expect((await get(`/parts/compatible?make=${toyota.make}&year=abc`)).status).toBe(400)
    expect((await get(`/parts/compatible?make=${toyota.make}&model=${bmw.models.X5}`)).status).toBe(400)
    expect((await get('/parts/compatible?make=no-such-make')).status).toBe(400)
    expect((await get(`/parts/compatible?make=${toyota.make}&limit=100000`)).status).toBe(400)
  })
})

describe('part categories', () => {
  it('derives path and breadcrumbs from the parent chain and refuses cycles', async () => {
    const root = await post('/part-categories', { name: 'Engine' }, { token: admin.token })
    const mid = await post('/part-categories', { name: 'Filters', parent: root.body.doc.id }, { token: admin.token })
    const leaf = await post('/part-categories', { name: 'Oil Filters', parent: mid.body.doc.id }, { token: admin.token })
    expect(leaf.status).toBe(201)
    expect(leaf.body.doc.path).toBe('engine/filters/oil-filters')
    expect(leaf.body.doc.depth).toBe(2)
    expect(leaf.body.doc.breadcrumbs.map((b: any) => b.name)).toEqual(['Engine', 'Filters'])
    const cycle = await patch(`/part-categories/${root.body.doc.id}`, { parent: leaf.body.doc.id }, { token: admin.token })
    expect(cycle.status).toBe(400)
    await patch(`/part-categories/${root.body.doc.id}`, { slug: 'motor' }, { token: admin.token })
    const after = await payload.findByID({ collection: 'part-categories', id: leaf.body.doc.id, overrideAccess: true })
    expect(after.path).toBe('motor/filters/oil-filters')
    expect((await post('/part-categories', { name: 'Nope' }, { token: seller.token })).status).toBe(403)
  })
})
