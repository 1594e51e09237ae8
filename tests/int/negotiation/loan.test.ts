/** Loan calculator endpoints through Payload's REST handlers, plus saved calculations' visibility. */
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { seedNegotiation } from '../../../seed/negotiation'
import { get, gql, post } from '../../helpers/api'
import { testPayload } from '../../helpers/payload'
import { createUser, type TestUser } from '../../helpers/users'

let payload: Payload
let alice: TestUser
let bob: TestUser

const savedCount = async (user?: number) => (await payload.count({ collection: 'loan-calculations' as never, where: user ? { user: { equals: user } } : undefined, overrideAccess: true })).totalDocs

beforeAll(async () => {
  payload = await testPayload()
  ;[alice, bob] = await Promise.all([createUser({ roles: ['buyer'] }), createUser({ roles: ['buyer'] })])
})

describe('POST /api/loan-calculator', () => {
  it('computes payment, schedule and totals for anonymous callers (nothing saved)', async () => {
    const res = await post('/loan-calculator', { vehiclePrice: 25000, interestRate: 6, termMonths: 60 })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ principal: 25000, monthlyPayment: 483.32 })
    expect(res.body.schedule).toHaveLength(60)
    expect(res.body.schedule[0]).toEqual({ month: 1, payment: 483.32, principal: 358.32, interest: 125, balance: 24641.68 })
    expect(res.body.schedule[59].balance).toBe(0)
    expect(res.body.totalPaid).toBeCloseTo(25000 + res.body.totalInterest, 2)
    expect(await savedCount()).toBe(0)
  })

  it('applies tax, fees, down payment and trade-in', async () => {
    const res = await post('/loan-calculator', { vehiclePrice: 20000, salesTaxRate: 5, fees: 500, downPayment: 3000, tradeInValue: 2500, interestRate: 0, termMonths: 12 })
    expect(res.status).toBe(200)
    expect(res.body.principal).toBe(16000)
    expect(res.body.monthlyPayment).toBe(1333.33)
    expect(res.body.schedule.at(-1)).toMatchObject({ payment: 1333.37, balance: 0 })
  })

  it.each([
    [{ vehiclePrice: -1, interestRate: 5, termMonths: 12 }, 'vehiclePrice'],
    [{ vehiclePrice: 'abc', interestRate: 5, termMonths: 12 }, 'vehiclePrice'],
    [{ interestRate: 5, termMonths: 12 }, 'vehiclePrice'],
    [{ vehiclePrice: 1000.001, interestRate: 5, termMonths: 12 }, 'vehiclePrice'],
    [{ vehiclePrice: 10000, downPayment: -5, interestRate: 5, termMonths: 12 }, 'downPayment'],
    [{ vehiclePrice: 10000, downPayment: 10001, interestRate: 5, termMonths: 12 }, 'downPayment'],
    [{ vehiclePrice: 10000, tradeInValue: 'x', interestRate: 5, termMonths: 12 }, 'tradeInValue'],
    [{ vehiclePrice: 10000, interestRate: -1, termMonths: 12 }, 'interestRate'],
    [{ vehiclePrice: 10000, interestRate: 100.5, termMonths: 12 }, 'interestRate'],
    [{ vehiclePrice: 10000, interestRate: 5, termMonths: 0 }, 'termMonths'],
    [{ vehiclePrice: 10000, interestRate: 5, termMonths: 121 }, 'termMonths'],
    [{ vehiclePrice: 10000, interestRate: 5, termMonths: 12.5 }, 'termMonths'],
    [{ vehiclePrice: 10000, interestRate: 5, termMonths: 12, salesTaxRate: 101 }, 'salesTaxRate'],
    [{ vehiclePrice: 10000, interestRate: 5, termMonths: 12, fees: -1 }, 'fees'],
  ])('400 naming the field for %o', async (body, field) => {
    const res = await post('/loan-calculator', body, { token: alice.token })
    expect(res.status).toBe(400)
    expect(res.body.errors[0].data.errors.map((e: { path: string }) => e.path)).toContain(field)
  })

  it('malformed JSON is a 400', async () => {
    const payloadRes = await post('/loan-calculator', undefined, { raw: '{"vehiclePrice": ', headers: { 'Content-Type': 'application/json' } })
    expect(payloadRes.status).toBe(400)
  })

  it('save: true stores the calculation for the signed-in user; 401 without login; users see only their own', async () => {
    const anon = await post('/loan-calculator', { vehiclePrice: 10000, interestRate: 12, termMonths: 12, save: true })
    expect(anon.status).toBe(401)
    expect(await savedCount()).toBe(0)

    const res = await post('/loan-calculator', { vehiclePrice: 10000, interestRate: 12, termMonths: 12, save: true, monthlyPayment: 1 }, { token: alice.token })
    expect(res.status).toBe(201)
    expect(res.body.monthlyPayment).toBe(888.49)
    expect(res.body.savedId).toBeDefined()
    await post('/loan-calculator', { vehiclePrice: 5000, interestRate: 3, termMonths: 24, save: true }, { token: bob.token })
    expect(await savedCount(alice.id)).toBe(1)

    const mine = await get('/loan-calculations', { token: alice.token })
    expect(mine.status).toBe(200)
    expect(mine.body.docs).toHaveLength(1)
    expect(mine.body.docs[0]).toMatchObject({ id: res.body.savedId, vehiclePrice: 10000, monthlyPayment: 888.49, termMonths: 12 })
    expect(mine.body.docs[0].schedule).toHaveLength(12)
    expect((await get(`/loan-calculations/${res.body.savedId}`, { token: bob.token })).status).not.toBe(200)
    expect((await get('/loan-calculations', { token: bob.token })).body.docs.map((d: { id: number }) => d.id)).not.toContain(res.body.savedId)
    expect((await get('/loan-calculations')).status).not.toBe(200)
    const g = await gql('{ LoanCalculations { docs { id } } }', {}, { token: bob.token })
    expect(g.body.data?.LoanCalculations?.docs?.map((d: { id: number }) => d.id) ?? []).not.toContain(res.body.savedId)
    // the client cannot write calculations directly
    expect(
      (await post('/loan-calculations', { user: alice.id, vehiclePrice: 1, interestRate: 1, termMonths: 1, principal: 1, monthlyPayment: 1, totalInterest: 0, totalPaid: 1 }, { token: alice.token }))
        .status,
    ).toBe(403)
  })
})

describe('POST /api/loan-calculator/affordability', () => {
  it('inverts the payment formula', async () => {
    const res = await post('/loan-calculator/affordability', { monthlyBudget: 483.32, interestRate: 6, termMonths: 60, downPayment: 5000 })
    expect(res.status).toBe(200)
    expect(Math.abs(res.body.principal - 25000)).toBeLessThan(1)
    expect(res.body.maxVehiclePrice).toBeCloseTo(res.body.principal + 5000, 2)
    const check = await post('/loan-calculator', { vehiclePrice: res.body.maxVehiclePrice, downPayment: 5000, interestRate: 6, termMonths: 60 })
    expect(check.body.monthlyPayment).toBeLessThanOrEqual(483.32)
  })

  it('400 naming the field', async () => {
    const res = await post('/loan-calculator/affordability', { monthlyBudget: -1, interestRate: 200, termMonths: 'x' })
    expect(res.status).toBe(400)
    expect(res.body.errors[0].data.errors.map((e: { path: string }) => e.path).sort()).toEqual(['interestRate', 'monthlyBudget', 'termMonths'])
  })
})

describe('GET /api/loan-calculator/offers', () => {
  beforeAll(async () => {
    await seedNegotiation(payload)
    await payload.create({
      collection: 'financial-products' as never,
      overrideAccess: true,
      data: { lender: 'Retired Bank', name: 'Inactive loan', aprByCreditBand: [{ minScore: 300, maxScore: 850, apr: 0.5 }], termsAllowed: [60], minAmount: 0, maxAmount: 1e7, active: false } as never,
    })
  })

  it('lists matching active products with their APR for the score and the monthly payment, cheapest first', async () => {
    const res = await get('/loan-calculator/offers?vehiclePrice=25000&downPayment=5000&termMonths=60&creditScore=720')
    expect(res.status).toBe(200)
    expect(res.body.principal).toBe(20000)
    const offers = res.body.offers as { lender: string; name: string; apr: number; monthlyPayment: number }[]
    expect(offers.length).toBeGreaterThan(0)
    expect(offers.some((o) => o.lender === 'Retired Bank')).toBe(false)
    for (const o of offers) {
      const calc = await post('/loan-calculator', { vehiclePrice: 20000, interestRate: o.apr, termMonths: 60 })
      expect(o.monthlyPayment).toBe(calc.body.monthlyPayment)
    }
    expect(offers.map((o) => o.monthlyPayment)).toEqual([...offers.map((o) => o.monthlyPayment)].sort((a, b) => a - b))
  })

  it('a lower credit score gets a higher APR; terms and amounts outside a product exclude it', async () => {
    const good = (await get('/loan-calculator/offers?vehiclePrice=25000&termMonths=60&creditScore=800')).body.offers
    const poor = (await get('/loan-calculator/offers?vehiclePrice=25000&termMonths=60&creditScore=560')).body.offers
    const byName = (xs: { name: string; apr: number }[]) => Object.fromEntries(xs.map((x) => [x.name, x.apr]))
    const g = byName(good)
    const p = byName(poor)
    const common = Object.keys(g).filter((k) => k in p)
    expect(common.length).toBeGreaterThan(0)
    for (const k of common) expect(p[k]).toBeGreaterThan(g[k])
    // 7 months is not a term any seeded product offers
    expect((await get('/loan-calculator/offers?vehiclePrice=25000&termMonths=7&creditScore=800')).body.offers).toEqual([])
    // beyond every product's maximum amount
    expect((await get('/loan-calculator/offers?vehiclePrice=90000000&termMonths=60&creditScore=800')).body.offers).toEqual([])
  })

  it('400 for missing or invalid parameters', async () => {
    const res = await get('/loan-calculator/offers?vehiclePrice=abc&termMonths=200&creditScore=900')
    expect(res.status).toBe(400)
    expect(res.body.errors[0].data.errors.map((e: { path: string }) => e.path).sort()).toEqual(['creditScore', 'termMonths', 'vehiclePrice'])
    expect((await get('/loan-calculator/offers?vehiclePrice=1000&downPayment=2000&termMonths=12&creditScore=700')).status).toBe(400)
  })

  it('financial products: public reads see active ones only; writes are admin-only', async () => {
    const list = await get('/financial-products?limit=100')
    expect(list.status).toBe(200)
    expect(list.body.docs.length).toBeGreaterThan(0)
    expect(list.body.docs.every((d: { active: boolean }) => d.active)).toBe(true)
    expect(
      (
        await post(
          '/financial-products',
          { lender: 'x', name: 'y', aprByCreditBand: [{ minScore: 300, maxScore: 850, apr: 1 }], termsAllowed: [12], minAmount: 0, maxAmount: 1 },
          { token: alice.token },
        )
      ).status,
    ).toBe(403)
  })
})

describe('seed', () => {
  it('adds demo negotiations between the demo accounts, once (idempotent)', async () => {
    const { seedIdentity, demoUserId } = await import('../../../seed/identity')
    await seedIdentity(payload)
    const { createCar } = await import('./fixtures')
    await createCar({ seller: await demoUserId(payload, 'seller@example.com'), price: 30000 })
    await seedNegotiation(payload)
    const products = (await payload.count({ collection: 'financial-products' as never, overrideAccess: true })).totalDocs
    expect(products).toBeGreaterThanOrEqual(4)
    const first = await payload.find({ collection: 'negotiations' as never, depth: 0, overrideAccess: true })
    expect(first.totalDocs).toBe(1)
    expect(first.docs[0]).toMatchObject({ status: 'open', turn: 'buyer', currentAmount: 28500, roundCount: 2 })
    await seedNegotiation(payload)
    expect((await payload.count({ collection: 'negotiations' as never, overrideAccess: true })).totalDocs).toBe(1)
    expect((await payload.count({ collection: 'financial-products' as never, overrideAccess: true })).totalDocs).toBe(products)
  })
})
