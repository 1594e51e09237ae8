/** The collections a config's relationship and upload fields point to (src/plugins/read-access-warmup.ts), and the plugin's wiring. */
import type { CollectionConfig, Config, Field } from 'payload'
import { describe, expect, it } from 'vitest'

import { readAccessWarmup, relatedCollections } from '../../../src/plugins/read-access-warmup'

describe('relatedCollections', () => {
  it('finds relationships and uploads at any nesting: groups, arrays, rows, tabs, blocks; polymorphic ones too', () => {
    const fields: Field[] = [
      { name: 'title', type: 'text' },
      { name: 'owner', type: 'relationship', relationTo: 'users' },
      { name: 'meta', type: 'group', fields: [{ name: 'image', type: 'upload', relationTo: 'media' }] },
      { name: 'history', type: 'array', fields: [{ type: 'row', fields: [{ name: 'by', type: 'relationship', relationTo: ['dealers', 'users'] }] }] },
      { type: 'tabs', tabs: [{ label: 'A', fields: [{ name: 'make', type: 'relationship', relationTo: 'makes', hasMany: true }] }] },
      { name: 'layout', type: 'blocks', blocks: [{ slug: 'quote', fields: [{ name: 'author', type: 'relationship', relationTo: 'posts' }] }] },
    ]
    expect([...relatedCollections(fields)].sort()).toEqual(['dealers', 'makes', 'media', 'posts', 'users'])
    expect(relatedCollections([{ name: 'title', type: 'text' }]).size).toBe(0)
  })
})

describe('readAccessWarmup', () => {
  const warmed: string[] = []
  const users: CollectionConfig = { slug: 'users', fields: [], custom: { warmReadAccess: () => warmed.push('users') } }
  const cars: CollectionConfig = { slug: 'cars', fields: [{ name: 'seller', type: 'relationship', relationTo: 'users' }] }
  const makes: CollectionConfig = { slug: 'makes', fields: [{ name: 'name', type: 'text' }] }
  const config = readAccessWarmup()({ collections: [users, cars, makes] } as Config) as Config
  const hookOf = (slug: string) => config.collections?.find((c) => c.slug === slug)?.hooks?.beforeOperation?.find((h) => h.name === 'warmRelatedReadAccess')
  const req = (payloadAPI: string) => ({ payloadAPI, payload: { config: { defaultDepth: 1 } } })
  const run = (args: Record<string, unknown>, operation = 'read', api = 'REST') => {
    warmed.length = 0
    void hookOf('cars')?.({ args, operation, req: req(api), collection: {}, context: {} } as never)
    return [...warmed]
  }

  it('hooks only the collections that relate to a collection declaring custom.warmReadAccess', () => {
    expect(hookOf('cars')).toBeTypeOf('function')
    expect(hookOf('makes')).toBeUndefined()
    expect(hookOf('users')).toBeUndefined()
  })

  it('warms on reads that populate: access not overridden, depth above 0 (the default depth too) or GraphQL', () => {
    expect(run({ depth: 1 })).toEqual(['users'])
    expect(run({})).toEqual(['users'])
    expect(run({ depth: 0 }, 'read', 'GraphQL')).toEqual(['users'])
    expect(run({ depth: 0 })).toEqual([])
    expect(run({ depth: 1, overrideAccess: true })).toEqual([])
    expect(run({ depth: 1 }, 'update')).toEqual([])
  })
})
