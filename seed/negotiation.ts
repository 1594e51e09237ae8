import type { Payload } from 'payload'

import { WORKFLOW_CONTEXT } from '@/workflows/apply'

const FINANCIAL_PRODUCTS = [
  {
    lender: 'AutoHub Bank',
    name: { en: 'Standard auto loan', ar: 'قرض السيارة القياسي' },
    aprByCreditBand: [
      { minScore: 300, maxScore: 579, apr: 14.9 },
      { minScore: 580, maxScore: 669, apr: 9.9 },
      { minScore: 670, maxScore: 739, apr: 6.5 },
      { minScore: 740, maxScore: 850, apr: 4.9 },
    ],
    termsAllowed: [24, 36, 48, 60, 72],
    minAmount: 5000,
    maxAmount: 150000,
  },
  {
    lender: 'Gulf Finance',
    name: { en: 'Murabaha vehicle finance', ar: 'تمويل السيارات بالمرابحة' },
    aprByCreditBand: [
      { minScore: 300, maxScore: 619, apr: 12.5 },
      { minScore: 620, maxScore: 699, apr: 7.75 },
      { minScore: 700, maxScore: 850, apr: 5.25 },
    ],
    termsAllowed: [12, 24, 36, 48, 60],
    minAmount: 3000,
    maxAmount: 250000,
  },
  {
    lender: 'Drivers Credit Union',
    name: { en: 'Member car loan', ar: 'قرض السيارة للأعضاء' },
    aprByCreditBand: [
      { minScore: 300, maxScore: 599, apr: 11 },
      { minScore: 600, maxScore: 719, apr: 6 },
      { minScore: 720, maxScore: 850, apr: 3.99 },
    ],
    termsAllowed: [36, 48, 60, 72, 84],
    minAmount: 1000,
    maxAmount: 80000,
  },
  {
    lender: 'Prestige Motor Finance',
    name: { en: 'Luxury vehicle finance', ar: 'تمويل السيارات الفاخرة' },
    aprByCreditBand: [
      { minScore: 680, maxScore: 739, apr: 5.5 },
      { minScore: 740, maxScore: 850, apr: 4.25 },
    ],
    termsAllowed: [36, 48, 60],
    minAmount: 40000,
    maxAmount: 1000000,
  },
]

/** Demo data for the negotiation domain: lenders' financial products and a few offers between demo accounts. */
export async function seedNegotiation(payload: Payload): Promise<void> {
  const existing = await payload.count({ collection: 'financial-products', overrideAccess: true })
  if (existing.totalDocs === 0) {
    for (const p of FINANCIAL_PRODUCTS) {
      const created = await payload.create({
        collection: 'financial-products',
        overrideAccess: true,
        locale: 'en',
        context: { seed: true },
        data: { ...p, name: p.name.en, active: true },
      })
      await payload.update({ collection: 'financial-products', id: created.id, overrideAccess: true, locale: 'ar', context: { seed: true }, data: { name: p.name.ar } })
    }
  }
  await seedDemoNegotiations(payload)
}

/** Two open negotiations (one countered) from the demo buyer on the demo seller's negotiable cars, if both exist. */
async function seedDemoNegotiations(payload: Payload): Promise<void> {
  if ((await payload.count({ collection: 'negotiations', overrideAccess: true })).totalDocs > 0) return
  const users = await payload.find({
    collection: 'users',
    where: { email: { in: ['buyer@example.com', 'seller@example.com'] } },
    depth: 0,
    limit: 2,
    overrideAccess: true,
  })
  const buyer = users.docs.find((u) => u.email === 'buyer@example.com')
  const seller = users.docs.find((u) => u.email === 'seller@example.com')
  if (!buyer || !seller) return
  const cars = await payload.find({
    collection: 'cars',
    where: { and: [{ seller: { equals: seller.id } }, { status: { equals: 'active' } }, { negotiable: { equals: true } }] },
    depth: 0,
    limit: 2,
    sort: 'id',
    overrideAccess: true,
  })
  // Amounts are derived from the seeded prices (deterministic); times are relative to the seed run.
  const now = Date.now()
  for (const [i, car] of cars.docs.entries()) {
    const first = Math.round(Number(car.price) * 0.88)
    const offers: { by: 'buyer' | 'seller'; amount: number; message: string; at: string }[] = [
      { by: 'buyer', amount: first, message: 'Would you consider this price? I can pay in cash.', at: new Date(now - 3 * 3600_000).toISOString() },
    ]
    if (i === 0) offers.push({ by: 'seller', amount: Math.round(Number(car.price) * 0.95), message: 'I can meet you part of the way.', at: new Date(now - 3600_000).toISOString() })
    const last = offers[offers.length - 1]
    await payload.create({
      collection: 'negotiations',
      overrideAccess: true,
      context: { seed: true, [WORKFLOW_CONTEXT]: true },
      data: {
        car: car.id,
        buyer: buyer.id,
        seller: seller.id,
        status: 'open',
        turn: last.by === 'buyer' ? 'seller' : 'buyer',
        currentAmount: last.amount,
        expiresAt: new Date(now + 47 * 3600_000).toISOString(),
        roundCount: offers.length,
        offers,
      },
    })
  }
}
