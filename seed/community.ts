import { createLocalReq, type Payload } from 'payload'

import { withTransaction } from '@/db/transaction'
import { recomputeRatingSummary } from '@collections/community/Reviews/hooks'

import { demoUserId } from './identity'

/** A small deterministic PRNG (mulberry32) so the demo data is the same on every machine. */
function prng(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const CATEGORIES = [
  { slug: 'mechanics', en: 'Mechanics & repairs', ar: 'الميكانيك والإصلاح', description: 'Engines, gearboxes, brakes, noises.' },
  { slug: 'buying-selling', en: 'Buying & selling', ar: 'البيع والشراء', description: 'Prices, inspections, paperwork.' },
  { slug: 'electric-hybrid', en: 'Electric & hybrid', ar: 'الكهربائية والهجينة', description: 'Charging, batteries, range.' },
  { slug: 'parts-accessories', en: 'Parts & accessories', ar: 'القطع والإكسسوارات', description: 'Compatibility, brands, fitting.' },
]

const THREADS = [
  {
    category: 'mechanics',
    title: 'Engine knocks on cold start',
    body: 'My 2016 sedan knocks for a few seconds on cold mornings. Should I worry?',
    answers: ['Check the oil level and grade first; thin oil at cold start often does this.', 'Could be piston slap. If it goes away when warm it is usually harmless.'],
  },
  {
    category: 'buying-selling',
    title: 'What to check before buying a used SUV?',
    body: 'First time buying used. Any checklist?',
    answers: ['Service history, a cold start, look under the car for leaks, and a pre-purchase inspection.', 'Check the VIN history and that the tyres wear evenly.'],
  },
  {
    category: 'electric-hybrid',
    title: 'Hybrid battery life in hot climates',
    body: 'How long do hybrid batteries last with 45°C summers?',
    answers: ['Typically 8–10 years; keep the battery cooling intake clean.'],
  },
  {
    category: 'parts-accessories',
    title: 'OEM vs aftermarket brake pads',
    body: 'Is it worth paying for OEM pads?',
    answers: ['Good aftermarket ceramic pads are fine for daily driving.', 'For towing or track use, stay with OEM or performance pads.'],
  },
]

const REVIEW_TEXTS = [
  { title: 'Exactly as described', content: 'Smooth process and honest description.' },
  { title: 'Good value', content: 'Fair price for the condition.' },
  { title: 'Quick replies', content: 'The seller answered all my questions quickly.' },
  { title: 'Some scratches not shown', content: 'Fine overall, but photos could be better.' },
]

/** Demo data for the community domain (runs after identity, catalog, discovery, content). */
export async function seedCommunity(payload: Payload): Promise<void> {
  const existing = await payload.count({ collection: 'forum-categories', overrideAccess: true })
  if (existing.totalDocs > 0) return
  const rng = prng(20250609)
  const buyer = await demoUserId(payload, 'buyer@example.com')
  const seller = await demoUserId(payload, 'seller@example.com')
  const technician = await demoUserId(payload, 'technician@example.com')
  const owner = await demoUserId(payload, 'owner@example.com')
  const editor = await demoUserId(payload, 'editor@example.com')
  const ctx = { seed: true }

  // ---- expert verification (approved) for the technician ----
  const verification: { id: number } = await payload.create({
    collection: 'expert-verifications',
    overrideAccess: true,
    context: ctx,
    data: { user: technician, expertiseAreas: ['engine', 'diagnostics'], yearsOfExperience: 11, credentials: 'ASE certified master technician' },
  })
  await payload.update({
    collection: 'expert-verifications',
    id: verification.id,
    overrideAccess: true,
    context: { ...ctx, workflowTransition: true },
    data: { status: 'approved', reviewNotes: 'Documents checked.' },
  })

  // ---- forum ----
  const categoryIds: Record<string, number> = {}
  for (const [i, c] of CATEGORIES.entries()) {
    const doc: { id: number } = await payload.create({ collection: 'forum-categories', overrideAccess: true, locale: 'en', data: { name: c.en, slug: c.slug, description: c.description, order: i } })
    await payload.update({ collection: 'forum-categories', id: doc.id, overrideAccess: true, locale: 'ar', data: { name: c.ar } })
    categoryIds[c.slug] = doc.id as number
  }
  const askers = [buyer, seller, owner, buyer]
  const answerers = [technician, editor, seller, owner]
  for (const [i, t] of THREADS.entries()) {
    const thread: { id: number } = await payload.create({
      collection: 'forum-threads',
      overrideAccess: true,
      context: ctx,
      data: { title: t.title, body: t.body, category: categoryIds[t.category], author: askers[i], pinned: i === 0, featured: i === 1 },
    })
    const responseIds: number[] = []
    for (const [j, body] of t.answers.entries()) {
      const author = answerers[(i + j) % answerers.length] === askers[i] ? technician : answerers[(i + j) % answerers.length]
      const r: { id: number } = await payload.create({ collection: 'forum-responses', overrideAccess: true, context: ctx, data: { thread: thread.id, body, author } })
      responseIds.push(r.id as number)
    }
    if (i === 1 && responseIds[0]) {
      await payload.update({ collection: 'forum-responses', id: responseIds[0], overrideAccess: true, context: { ...ctx, forumInternal: true }, data: { isAccepted: true } })
      await payload.update({
        collection: 'forum-threads',
        id: thread.id,
        overrideAccess: true,
        context: { ...ctx, forumInternal: true, workflowTransition: true },
        data: { acceptedResponse: responseIds[0], status: 'resolved' },
      })
    }
  }

  // ---- reviews on some cars and parts (and the demo seller), then exact summaries ----
  const reviewers = [buyer, technician, owner, editor]
  const targets: { relationTo: 'cars' | 'parts' | 'users'; id: number }[] = [{ relationTo: 'users', id: seller }]
  for (const slug of ['cars', 'parts'] as const) {
    const found = await payload.find({ collection: slug, overrideAccess: true, depth: 0, limit: 4, sort: 'id', pagination: false }).catch(() => ({ docs: [] }))
    for (const d of found.docs as { id: number; seller?: unknown }[]) targets.push({ relationTo: slug, id: d.id })
  }
  for (const target of targets) {
    for (const author of reviewers) {
      if (rng() < 0.35) continue
      const text = REVIEW_TEXTS[Math.floor(rng() * REVIEW_TEXTS.length)]
      const rating = 3 + Math.floor(rng() * 3)
      await payload
        .create({
          collection: 'reviews',
          overrideAccess: true,
          context: ctx,
          data: {
            target: { relationTo: target.relationTo, value: target.id },
            author,
            rating,
            aspects: { communication: 3 + Math.floor(rng() * 3), value: 2 + Math.floor(rng() * 4) },
            ...text,
          },
        })
        .catch(() => null) // e.g. the reviewer owns that listing
    }
  }
  const req = await createLocalReq({}, payload)
  await withTransaction(req, async (tx) => {
    for (const t of targets) await recomputeRatingSummary(tx, t.relationTo, t.id)
  })

  // ---- a conversation between the demo buyer and seller about one of the seller's listings ----
  const cars = await payload.find({ collection: 'cars', where: { seller: { equals: seller } }, sort: 'id', limit: 1, depth: 0, overrideAccess: true, pagination: false })
  const listing = cars.docs[0] ? { relationTo: 'cars' as const, value: cars.docs[0].id } : null
  const conversation: { id: number } = await payload.create({
    collection: 'conversations',
    overrideAccess: true,
    context: ctx,
    data: { participants: [buyer, seller], initiator: buyer, listing, subject: 'Is the car still available?' },
  })
  const lines: [number, string][] = [
    [buyer, 'Hello! Is the car still available? Could I see it this weekend?'],
    [seller, 'Hi, yes it is. Saturday morning works for me.'],
    [buyer, 'Great, see you Saturday at 10.'],
  ]
  for (const [sender, body] of lines) {
    await payload.create({ collection: 'messages', overrideAccess: true, context: ctx, data: { conversation: conversation.id, sender, body } })
  }
}
