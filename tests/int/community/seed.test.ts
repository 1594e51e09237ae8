import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { seedCommunity } from '../../../seed/community'
import { demoUserId } from '../../../seed/identity'
import { demoPayload } from '../../helpers/payload'

let payload: Payload

beforeAll(async () => {
  // The demo template: `seedAll` on a fresh database (tests/helpers/payload.ts).
  payload = await demoPayload()
})

describe('community seed', () => {
  it('creates the forum, a buyer–seller conversation and exact review summaries; running twice adds nothing', async () => {
    const count = async (collection: string) => (await payload.count({ collection: collection as never, overrideAccess: true })).totalDocs
    expect(await count('forum-categories')).toBe(4)
    expect(await count('forum-threads')).toBe(4)
    expect(await count('forum-responses')).toBe(7)
    const buyer = await demoUserId(payload, 'buyer@example.com')
    const seller = await demoUserId(payload, 'seller@example.com')
    const conv = await payload.find({ collection: 'conversations' as never, where: { participants: { equals: buyer } }, overrideAccess: true, depth: 0 })
    expect(conv.docs).toHaveLength(1)
    expect((conv.docs[0] as any).participants.map(Number).sort()).toEqual([buyer, seller].sort())
    expect((await payload.count({ collection: 'messages' as never, where: { conversation: { equals: (conv.docs[0] as any).id } }, overrideAccess: true })).totalDocs).toBe(3)
    const reviews = await payload.find({
      collection: 'reviews' as never,
      where: { targetCollection: { equals: 'users' }, targetId: { equals: seller }, status: { equals: 'approved' } },
      overrideAccess: true,
      limit: 100,
    })
    const sellerDoc = (await payload.findByID({ collection: 'users', id: seller, overrideAccess: true })) as any
    expect(sellerDoc.rating.count).toBe(reviews.totalDocs)
    const resolved = await payload.find({ collection: 'forum-threads' as never, where: { status: { equals: 'resolved' } }, overrideAccess: true })
    expect(resolved.totalDocs).toBe(1)
    await seedCommunity(payload)
    expect(await count('forum-threads')).toBe(4)
  })
})
