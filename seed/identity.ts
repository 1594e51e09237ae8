import type { Payload } from 'payload'

import type { Role } from '@/access/roles'

export const DEMO_ACCOUNTS: { email: string; password: string; roles: Role[]; firstName: string; lastName: string }[] = [
  { email: 'admin@example.com', password: 'admin12345', roles: ['admin'], firstName: 'Ada', lastName: 'Admin' },
  { email: 'editor@example.com', password: 'password123', roles: ['editor'], firstName: 'Eddie', lastName: 'Editor' },
  { email: 'seller@example.com', password: 'password123', roles: ['seller'], firstName: 'Sam', lastName: 'Seller' },
  { email: 'buyer@example.com', password: 'password123', roles: ['buyer'], firstName: 'Bea', lastName: 'Buyer' },
  { email: 'technician@example.com', password: 'password123', roles: ['technician'], firstName: 'Tariq', lastName: 'Technician' },
  { email: 'owner@example.com', password: 'password123', roles: ['parking_owner'], firstName: 'Olivia', lastName: 'Owner' },
]

/** One verified account per role (see README). */
export async function seedIdentity(payload: Payload): Promise<void> {
  for (const account of DEMO_ACCOUNTS) {
    const existing = await payload.find({ collection: 'users', where: { email: { equals: account.email } }, limit: 1, overrideAccess: true, depth: 0 })
    if (existing.docs.length) continue
    await payload.create({
      collection: 'users',
      overrideAccess: true,
      disableVerificationEmail: true,
      data: { ...account, _verified: true, status: 'active' },
    })
  }
}

/** The id of a demo account by email (for other domains' seeds). */
export async function demoUserId(payload: Payload, email: string): Promise<number> {
  const res = await payload.find({ collection: 'users', where: { email: { equals: email } }, limit: 1, overrideAccess: true, depth: 0 })
  if (!res.docs[0]) throw new Error(`demo user ${email} missing`)
  return res.docs[0].id as number
}
