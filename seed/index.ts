/**
 * Demo data: one account per role and each domain's demo records. The same on every machine.
 * `seedIfEmpty` runs at dev start when the users table is empty; production never seeds demo accounts.
 */
import type { Payload } from 'payload'

import { seedCatalog } from './catalog'
import { seedCommerce } from './commerce'
import { seedCommunity } from './community'
import { seedContent } from './content'
import { seedDiscovery } from './discovery'
import { seedIdentity } from './identity'
import { seedNegotiation } from './negotiation'
import { seedParking } from './parking'
import { seedServices } from './services'

export async function seedAll(payload: Payload): Promise<void> {
  if (process.env.NODE_ENV === 'production' && process.env.ALLOW_PRODUCTION_SEED !== 'true') {
    throw new Error('Refusing to seed demo data in production.')
  }
  const started = Date.now()
  await seedIdentity(payload)
  await seedCatalog(payload)
  await seedDiscovery(payload)
  await seedContent(payload)
  await seedCommunity(payload)
  await seedNegotiation(payload)
  await seedCommerce(payload)
  await seedParking(payload)
  await seedServices(payload)
  payload.logger.info(`[seed] demo data ready in ${((Date.now() - started) / 1000).toFixed(1)} s`)
}

export async function seedIfEmpty(payload: Payload): Promise<boolean> {
  if (process.env.NODE_ENV === 'production') return false
  const { totalDocs } = await payload.count({ collection: 'users', overrideAccess: true })
  if (totalDocs > 0) return false
  await seedAll(payload)
  return true
}
