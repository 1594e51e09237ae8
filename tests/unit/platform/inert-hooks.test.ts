/** The one rule for hooks the fast paths may ignore (src/plugins/inert-hooks.ts), and the platform hooks marked by it. */
import type { CollectionConfig, Config } from 'payload'
import { describe, expect, it } from 'vitest'

import { unsafeListingFields } from '../../../src/http/listing-read'
import { actsOnly, inertFor, isInertHook, markInert } from '../../../src/plugins/inert-hooks'
import { inputGuard } from '../../../src/plugins/input-guards'
import { readAccessWarmup } from '../../../src/plugins/read-access-warmup'

describe('isInertHook', () => {
  it('is true only for hooks marked inert, never for other values', () => {
    const marked = markInert(() => undefined)
    expect(isInertHook(marked)).toBe(true)
    expect(isInertHook(() => undefined)).toBe(false)
    expect(isInertHook(undefined)).toBe(false)
    expect(isInertHook({})).toBe(false)
  })

  it('the input guard and the read-access warm-up hooks are inert', () => {
    expect(isInertHook(inputGuard)).toBe(true)
    const users: CollectionConfig = { slug: 'users', fields: [], custom: { warmReadAccess: () => undefined } }
    const cars: CollectionConfig = { slug: 'cars', fields: [{ name: 'seller', type: 'relationship', relationTo: 'users' }] }
    const config = readAccessWarmup()({ collections: [users, cars] } as Config) as Config
    const hooks = config.collections?.find((c) => c.slug === 'cars')?.hooks?.beforeOperation ?? []
    expect(hooks).toHaveLength(1)
    expect(hooks.every(isInertHook)).toBe(true)
  })

  it('a hook marked as acting within a scope is inert for calls outside it, and only for those', () => {
    const byId = { operation: 'findByID', overrideAccess: true }
    const onCreate = actsOnly({ operations: ['create'] }, () => undefined)
    expect(inertFor(byId)(onCreate)).toBe(true)
    expect(inertFor({ operation: 'create', overrideAccess: true })(onCreate)).toBe(false)
    const withAccess = actsOnly({ withAccess: true }, () => undefined)
    expect(inertFor(byId)(withAccess)).toBe(true)
    expect(inertFor({ ...byId, overrideAccess: false })(withAccess)).toBe(false)
    // both: inert when either puts the call outside
    const listsWithAccess = actsOnly({ operations: ['find'], withAccess: true }, () => undefined)
    expect(inertFor({ operation: 'find', overrideAccess: true })(listsWithAccess)).toBe(true)
    expect(inertFor({ operation: 'findByID', overrideAccess: false })(listsWithAccess)).toBe(true)
    expect(inertFor({ operation: 'find', overrideAccess: false })(listsWithAccess)).toBe(false)
    // touching some fields only: inert for a path serving none of them, not for one serving one of them or any field
    const stripsKey = actsOnly({ operations: ['find'], withAccess: true, touches: ['apiKey'] }, () => undefined)
    const list = { operation: 'find', overrideAccess: false }
    expect(inertFor({ ...list, served: new Set(['id', 'firstName']) })(stripsKey)).toBe(true)
    expect(inertFor({ ...list, served: new Set(['id', 'apiKey']) })(stripsKey)).toBe(false)
    expect(inertFor(list)(stripsKey)).toBe(false)
    // not inert where no call is named; an unmarked hook or a non-function is never inert
    expect(isInertHook(onCreate)).toBe(false)
    expect(inertFor(byId)(() => undefined)).toBe(false)
    expect(inertFor(byId)(undefined)).toBe(false)
    // a hook marked inert is inert for every call
    expect(inertFor({ operation: 'create', overrideAccess: false })(markInert(() => undefined))).toBe(true)
  })

  it('the listing read path ignores inert operation hooks and reports any other', () => {
    const other = () => undefined
    const collection = (beforeOperation: unknown[]) => ({ fields: [], hooks: { beforeOperation } }) as never
    expect(unsafeListingFields(collection([inputGuard, markInert(() => undefined)]))).toEqual([])
    expect(unsafeListingFields(collection([inputGuard, other]))).toEqual(['collection beforeOperation hook'])
  })
})
