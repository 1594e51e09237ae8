/** Catalog fixtures for integration tests: makes/models created through the Local API. */
import { testPayload } from '../../helpers/payload'

let n = 0
export async function makeWithModels(name: string, models: string[]): Promise<{ make: number; models: Record<string, number> }> {
  const payload = await testPayload()
  const make = await payload.create({ collection: 'makes', overrideAccess: true, data: { name: `${name}${++n === 1 ? '' : ` ${n}`}` } as never })
  const out: Record<string, number> = {}
  for (const m of models) {
    const model = await payload.create({ collection: 'models', overrideAccess: true, data: { name: m, make: make.id, yearFrom: 1990 } as never })
    out[m] = model.id as number
  }
  return { make: make.id as number, models: out }
}

export async function count(collection: string, where: Record<string, unknown> = {}): Promise<number> {
  const payload = await testPayload()
  return (await payload.count({ collection: collection as never, where: where as never, overrideAccess: true })).totalDocs
}

export async function setModeration(on: boolean): Promise<void> {
  const payload = await testPayload()
  await payload.updateGlobal({ slug: 'platform-settings', overrideAccess: true, data: { listingModeration: on } as never })
}
