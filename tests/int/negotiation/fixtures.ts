/** Negotiation test fixtures: cars created through the Local API (overrideAccess), active and negotiable. */
import type { Payload } from 'payload'

import { testPayload } from '../../helpers/payload'

let n = 0
let makeModel: Promise<{ make: number; model: number }> | null = null

async function ensureMakeModel(payload: Payload) {
  makeModel ??= (async () => {
    const tag = `${process.pid}-${Date.now().toString(36)}`
    const make = await payload.create({ collection: 'makes', overrideAccess: true, data: { name: `Testmake ${tag}` } as never })
    const model = await payload.create({ collection: 'models', overrideAccess: true, data: { name: `Testmodel ${tag}`, make: make.id } as never })
    return { make: make.id as number, model: model.id as number }
  })()
  return makeModel
}

export interface CarOpts {
  seller: number
  price?: number
  status?: string
  negotiable?: boolean
  autoAcceptPrice?: number | null
  autoDeclinePrice?: number | null
}

export async function createCar(opts: CarOpts): Promise<{ id: number; title: string }> {
  const payload = await testPayload()
  const { make, model } = await ensureMakeModel(payload)
  const title = `Negotiation test car ${++n}`
  const car = await payload.create({
    collection: 'cars',
    overrideAccess: true,
    depth: 0,
    data: {
      title,
      make,
      model,
      year: 2020,
      condition: 'used',
      price: opts.price ?? 20000,
      currency: 'USD',
      status: opts.status ?? 'active',
      negotiable: opts.negotiable ?? true,
      seller: opts.seller,
      autoAcceptPrice: opts.autoAcceptPrice ?? null,
      autoDeclinePrice: opts.autoDeclinePrice ?? null,
    } as never,
  })
  return { id: car.id as number, title }
}

export async function carStatus(id: number): Promise<string> {
  const payload = await testPayload()
  const car = await payload.findByID({ collection: 'cars', id, depth: 0, overrideAccess: true })
  return (car as { status: string }).status
}

export async function negotiationCount(where: Record<string, unknown> = {}): Promise<number> {
  const payload = await testPayload()
  const res = await payload.count({ collection: 'negotiations' as never, where: where as never, overrideAccess: true })
  return res.totalDocs
}

export async function notificationsOf(user: number): Promise<{ type: string; title: string; data: Record<string, unknown> }[]> {
  const payload = await testPayload()
  const res = await payload.find({ collection: 'notifications', where: { user: { equals: user } }, limit: 200, depth: 0, overrideAccess: true, sort: 'createdAt' })
  return res.docs as never
}

export async function readNegotiation(id: number): Promise<Record<string, any>> {
  const payload = await testPayload()
  return (await payload.findByID({ collection: 'negotiations' as never, id, depth: 0, overrideAccess: true })) as never
}
