import { beforeAll, describe, expect, it } from 'vitest'

import { seedServices } from '../../../seed/services'
import { get } from '../../helpers/api'
import { demoPayload, testPayload } from '../../helpers/payload'
import { login } from '../../helpers/users'

describe('services seed', () => {
  beforeAll(async () => {
    // The demo template: `seedAll` on a fresh database (tests/helpers/payload.ts); a second run adds nothing.
    await seedServices(await demoPayload())
  })

  it('creates bilingual services, technician profiles and demo bookings', async () => {
    const payload = await testPayload()
    expect((await payload.count({ collection: 'services', overrideAccess: true })).totalDocs).toBe(12)
    const ar = await get('/services?locale=ar&where[slug][equals]=oil-change')
    expect(ar.body.docs[0].name).toBe('تغيير الزيت')
    expect((await payload.count({ collection: 'technicians', overrideAccess: true })).totalDocs).toBe(4)
    const bookings = await payload.find({ collection: 'service-bookings', overrideAccess: true, depth: 0, sort: 'id', limit: 10 })
    expect(bookings.docs.map((b: any) => b.status)).toEqual(['pending_approval', 'approved', 'completed', 'pending_approval'])
    expect(bookings.docs.every((b: any) => /^BK-\d{4}-\d{6}$/.test(b.bookingNumber))).toBe(true)
    const buyerToken = await login('buyer@example.com', 'password123')
    expect((await get('/service-bookings', { token: buyerToken })).body.totalDocs).toBe(3)
    const techToken = await login('technician@example.com', 'password123')
    const assigned = await get('/service-bookings', { token: techToken })
    expect(assigned.body.docs.map((b: any) => b.status)).toEqual(['approved'])
    const tech2 = await payload.find({ collection: 'technicians', overrideAccess: true, where: { displayName: { equals: 'Youssef Ibrahim' } } })
    expect((tech2.docs[0] as any).performance).toMatchObject({ completedJobs: 1, averageRating: 5, completionRate: 100 })
  })
})
