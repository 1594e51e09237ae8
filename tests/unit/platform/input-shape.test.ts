/** The pure input checks behind the platform guards (src/domain/input-shape.ts). */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { checkData, checkListParams, checkSort, checkWhere, type FieldShape, normalizeWhere, PAYLOAD_DEFAULT_LIMIT, resolvePath } from '../../../src/domain/input-shape'

const fields: FieldShape[] = [
  { name: 'title', type: 'text' },
  { name: 'year', type: 'number', custom: { integer: true } },
  { name: 'price', type: 'number' },
  { name: 'active', type: 'checkbox' },
  { name: 'publishedAt', type: 'date' },
  { name: 'status', type: 'select', options: ['draft', { value: 'published' }] },
  { name: 'tags', type: 'select', hasMany: true, options: ['a', 'b'] },
  { name: 'make', type: 'relationship', relationTo: 'makes' },
  { name: 'features', type: 'relationship', relationTo: 'features', hasMany: true },
  { name: 'target', type: 'relationship', relationTo: ['cars', 'parts'] },
  { name: 'data', type: 'json' },
  { name: 'terms', type: 'number', hasMany: true, custom: { integer: true } },
  {
    name: 'location',
    type: 'group',
    flattenedFields: [
      { name: 'latitude', type: 'number' },
      { name: 'image', type: 'upload', relationTo: 'media' },
    ],
  },
  {
    name: 'items',
    type: 'array',
    flattenedFields: [
      { name: 'id', type: 'text' },
      { name: 'quantity', type: 'number', custom: { integer: true } },
    ],
  },
  { name: 'layout', type: 'blocks', blocks: [{ slug: 'hero', flattenedFields: [{ name: 'heading', type: 'text' }] }] },
  { name: 'name', type: 'text', localized: true },
  { name: 'unread', type: 'number', virtual: true },
  { name: 'stock', type: 'number', required: true },
  { name: 'headline', type: 'text', required: true, localized: true },
  { name: 'contact', type: 'group', flattenedFields: [{ name: 'phone', type: 'text', required: true }] },
]
const related = (slug: string) => (slug === 'makes' ? [{ name: 'name', type: 'text' }] : slug === 'media' ? [{ name: 'alt', type: 'text' }] : undefined)
const opts = { related, locales: ['en', 'ar'] }

describe('checkListParams', () => {
  const clamp = (p: Record<string, unknown>, max = 50) => checkListParams(p, { maxPageSize: max, maxDepth: 3, clamp: true })

  it('refuses what is not a whole number (negative, text, fractions, objects) for limit, page and depth', () => {
    for (const [k, v] of [
      ['limit', '-1'],
      ['limit', 'abc'],
      ['limit', '1.5'],
      ['limit', { a: 1 }],
      ['limit', ['1', '2']],
      ['limit', 'Infinity'],
      ['page', '0'],
      ['page', '-3'],
      ['depth', '-1'],
      ['depth', 'x'],
      ['limit', '1e400'],
      ['pagination', 'maybe'],
    ] as const) {
      const r = clamp({ [k]: v })
      expect(r.ok, `${k}=${JSON.stringify(v)}`).toBe(false)
      if (!r.ok) expect(r.errors[0].path).toBe(k)
    }
  })

  it('clamps: 0, pagination=false, huge → the maximum; absent → the default page; depth → maxDepth', () => {
    expect(clamp({ limit: '0' })).toEqual({ ok: true, value: { limit: 50, pagination: true } })
    expect(clamp({ limit: 10_000 })).toEqual({ ok: true, value: { limit: 50, pagination: true } })
    expect(clamp({ pagination: 'false' })).toEqual({ ok: true, value: { limit: 50, pagination: true } })
    expect(clamp({})).toEqual({ ok: true, value: { limit: PAYLOAD_DEFAULT_LIMIT, pagination: true } })
    expect(clamp({}, 3)).toEqual({ ok: true, value: { limit: 3, pagination: true } })
    expect(clamp({ limit: '', page: '2', depth: '9' })).toEqual({ ok: true, value: { limit: 10, page: 2, depth: 3, pagination: true } })
  })

  it('pagination=false with a limit within the maximum stays unpaginated (no count); beyond it, or without a limit, a page', () => {
    expect(clamp({ pagination: 'false', limit: '3' })).toEqual({ ok: true, value: { limit: 3, pagination: false } })
    expect(clamp({ pagination: false, limit: 50, page: 2 })).toEqual({ ok: true, value: { limit: 50, page: 2, pagination: false } })
    expect(clamp({ pagination: false, limit: 51 })).toEqual({ ok: true, value: { limit: 50, pagination: true } })
    expect(clamp({ pagination: false, limit: 0 })).toEqual({ ok: true, value: { limit: 50, pagination: true } })
    expect(clamp({ pagination: false, limit: '' })).toEqual({ ok: true, value: { limit: 50, pagination: true } })
  })

  it('property: any input → either an error or a page size in 1..max', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.integer(), fc.double(), fc.constant(undefined), fc.constant(null), fc.array(fc.string())),
        fc.boolean(),
        fc.integer({ min: 1, max: 500 }),
        (limit, pagination, max) => {
          const r = clamp({ limit, pagination: pagination ? 'false' : undefined }, max)
          if (r.ok) {
            expect(r.value.limit).toBeGreaterThanOrEqual(1)
            expect(r.value.limit).toBeLessThanOrEqual(max)
            // unpaginated only when asked for, and then exactly the limit asked for (within the maximum)
            if (!r.value.pagination) expect([pagination, Number(limit)]).toEqual([true, r.value.limit])
          }
        },
      ),
      { seed: 42, numRuns: 500 },
    )
  })
})

describe('resolvePath / checkWhere', () => {
  it('resolves nested, related and polymorphic paths; refuses the rest with a reason', () => {
    expect(resolvePath(fields, 'location.latitude', opts).kind).toBe('field')
    expect(resolvePath(fields, 'make.name', opts).kind).toBe('field')
    expect(resolvePath(fields, 'items.quantity', opts).kind).toBe('field')
    expect(resolvePath(fields, 'layout.heading', opts).kind).toBe('field')
    expect(resolvePath(fields, 'name.ar', opts).kind).toBe('field')
    expect(resolvePath(fields, 'target.relationTo', opts).kind).toBe('poly-relation')
    expect(resolvePath(fields, 'target.value', opts).kind).toBe('poly-value')
    expect(resolvePath(fields, 'id', opts).kind).toBe('id')
    expect(resolvePath(fields, 'data.any.path', opts).kind).toBe('json-path')
    for (const bad of ['nope', 'target', 'location', 'title.x', 'target.other', 'unread', 'location.image.alt', 'make.nope']) expect(resolvePath(fields, bad, opts).kind, bad).toBe('error')
  })

  it('operators per field type, values of the field type', () => {
    const bad = (where: unknown) => expect(checkWhere(fields, where, opts).length, JSON.stringify(where)).toBeGreaterThan(0)
    const good = (where: unknown) => expect(checkWhere(fields, where, opts), JSON.stringify(where)).toEqual([])
    bad({ 'location.latitude': { near: '1,2,3' } })
    bad({ year: { within: 1 } })
    bad({ year: { equals: 'abc' } })
    bad({ year: { equals: { a: 1 } } })
    bad({ year: { exists: 'maybe' } })
    bad({ features: { all: '1' } })
    bad({ status: { equals: 'unknown' } })
    bad({ active: { equals: 'perhaps' } })
    bad({ publishedAt: { greater_than: 'yesterday-ish' } })
    bad({ make: { equals: 'x' } })
    bad({ target: { equals: 1 } })
    bad({ target: { exists: true } })
    bad({ 'target.relationTo': { equals: 'planets' } })
    bad({ 'target.relationTo': { exists: true } })
    bad({ 'target.value': { like: '1' } })
    bad({ title: {} })
    bad({ title: 'x' })
    bad({ or: 'x' })
    bad('where')
    bad({ or: [{ year: { near: 1 } }] })
    // GraphQL's where input spells the logical keys AND / OR; Payload accepts both spellings.
    bad({ AND: [{ year: { near: 1 } }] })
    good({ AND: [{ year: { equals: '2019' } }, { OR: [{ status: { equals: 'draft' } }, { active: { equals: 'true' } }] }] })
    good({ 'location.latitude': { greater_than: '10' } })
    good({ year: { in: '2019,2020' }, status: { in: ['draft', 'published'] } })
    good({ title: { like: 'toy' }, active: { equals: 'true' }, publishedAt: { less_than: '2026-01-01' } })
    good({ make: { equals: '3' }, 'make.name': { like: 'x' }, features: { contains: 2 } })
    good({ 'target.relationTo': { in: 'cars,parts' }, 'target.value': { in: '1,2' } })
    good({ target: { equals: { relationTo: 'cars', value: '2' } } })
    good({ or: [{ year: { equals: null } }, { and: [{ title: { exists: 'false' } }] }] })
  })

  it('normalizes polymorphic lists so Payload receives arrays (relationTo lists as one test per collection)', () => {
    expect(normalizeWhere(fields, { 'target.value': { in: '1,2' } }, opts)).toEqual({ 'target.value': { in: [1, 2] } })
    expect(normalizeWhere(fields, { 'target.value': { not_in: '7' } }, opts)).toEqual({ 'target.value': { not_in: [7] } })
    expect(normalizeWhere(fields, { title: { in: 'a,b' }, 'target.relationTo': { in: 'cars,parts' } }, opts)).toEqual({
      and: [{ title: { in: 'a,b' } }, { or: [{ 'target.relationTo': { equals: 'cars' } }, { 'target.relationTo': { equals: 'parts' } }] }],
    })
  })

  it('sort: known, sortable fields only', () => {
    expect(checkSort(fields, '-year,title', opts)).toEqual([])
    expect(checkSort(fields, ['location.latitude', '-make.name'], opts)).toEqual([])
    for (const bad of ['nope', '???', '-', 'data', 'tags', 'target.value', 'a b', { x: 1 }]) expect(checkSort(fields, bad, opts).length, String(bad)).toBeGreaterThan(0)
  })
})

describe('checkData', () => {
  const paths = (data: unknown) => checkData(fields, data).map((e) => e.path)

  it('names every wrong-typed value, nested ones with their path', () => {
    expect(paths('x')).toEqual(['body'])
    expect(paths([1])).toEqual(['body'])
    expect(paths({ title: 5, year: '2019', price: Infinity, active: 'yes', publishedAt: 'soon', status: 'other' })).toEqual(['title', 'year', 'price', 'active', 'publishedAt', 'status'])
    expect(paths({ year: 2019.5, terms: [12, 24.5] })).toEqual(['year', 'terms.1'])
    expect(paths({ make: [2003], features: '2003', tags: 'a' })).toEqual(['tags', 'make', 'features'])
    expect(paths({ make: 'abc', features: [1, 'x'] })).toEqual(['make', 'features.1'])
    expect(paths({ target: 5 })).toEqual(['target'])
    expect(paths({ target: { relationTo: 'planets', value: 1 } })).toEqual(['target'])
    expect(paths({ target: { relationTo: 'cars', value: [1] } })).toEqual(['target'])
    expect(paths({ location: null })).toEqual(['location'])
    expect(paths({ location: { latitude: 'x' } })).toEqual(['location.latitude'])
    expect(paths({ items: [{ quantity: 1.5 }, 'x'], layout: [{ blockType: 'nope' }, { blockType: 'hero', heading: 1 }] })).toEqual(['items.0.quantity', 'items.1', 'layout.0', 'layout.1.heading'])
  })

  it('null: refused for a list (emptied with []), a group and a required field, wherever it sits; a localized required field is left to Payload', () => {
    const found = checkData(fields, { items: null, layout: null, stock: null, contact: { phone: null }, headline: null, title: null })
    expect(found).toEqual([
      { path: 'items', message: 'items must be a list ([] empties it).' },
      { path: 'layout', message: 'layout must be a list ([] empties it).' },
      { path: 'stock', message: 'stock is required.' },
      { path: 'contact.phone', message: 'contact.phone is required.' },
    ])
    expect(paths({ items: [], layout: [], stock: 0, contact: { phone: '1' } })).toEqual([])
  })

  it('accepts well-typed values, nulls (clearing), unknown keys, json/richText anything', () => {
    expect(
      paths({
        title: 'x',
        year: 2019,
        price: 10.5,
        active: false,
        publishedAt: '2026-01-01T10:00:00.000Z',
        status: 'published',
        tags: ['a'],
        make: 3,
        features: [1, '2', { id: 3 }],
        target: { relationTo: 'parts', value: 4 },
        data: { any: ['thing'] },
        location: { latitude: null },
        items: [{ id: 'abc', quantity: 2 }],
        layout: [{ blockType: 'hero', heading: 'Hi' }],
        whatever: Symbol.iterator.toString(),
        price2: 'ignored',
      }),
    ).toEqual([])
  })
})
