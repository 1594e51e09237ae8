/** `referencesIn` (src/domain/input-shape.ts): every document a create/update body names, at any depth. */
import { describe, expect, it } from 'vitest'

import { type FieldShape, REFERENCES_ANY, referencesIn } from '../../../src/domain/input-shape'

const fields: FieldShape[] = [
  { name: 'title', type: 'text' },
  { name: 'make', type: 'relationship', relationTo: 'makes' },
  { name: 'features', type: 'relationship', relationTo: 'features', hasMany: true },
  { name: 'target', type: 'relationship', relationTo: ['cars', 'parts'] },
  { name: 'items', type: 'relationship', relationTo: ['cars', 'parts'], hasMany: true },
  { name: 'cover', type: 'upload', relationTo: 'media' },
  { name: 'stamped', type: 'relationship', relationTo: 'users', custom: { [REFERENCES_ANY]: 'the server stamps it' } },
  { name: 'meta', type: 'group', flattenedFields: [{ name: 'image', type: 'upload', relationTo: 'media' }] },
  { name: 'lines', type: 'array', flattenedFields: [{ name: 'part', type: 'relationship', relationTo: 'parts' }] },
  {
    name: 'layout',
    type: 'blocks',
    blocks: [
      { slug: 'gallery', flattenedFields: [{ name: 'images', type: 'upload', relationTo: 'media', hasMany: true }] },
      { slug: 'text', flattenedFields: [{ name: 'body', type: 'text' }] },
    ],
  },
]

const refs = (data: unknown) => referencesIn(fields, data).map((r) => `${r.path}→${r.relationTo}:${r.id}`)

describe('referencesIn', () => {
  it('finds top-level, hasMany, polymorphic and populated references, with their paths', () => {
    expect(refs({ title: 'x', make: 3, features: [1, '2'], target: { relationTo: 'parts', value: 9 }, items: [{ relationTo: 'cars', value: { id: 4 } }], cover: { id: 7, url: '/m/7.png' } })).toEqual([
      'make→makes:3',
      'features.0→features:1',
      'features.1→features:2',
      'target→parts:9',
      'items.0→cars:4',
      'cover→media:7',
    ])
  })

  it('walks groups, array rows and block rows; a block of another type or without references adds nothing', () => {
    const data = {
      meta: { image: 5 },
      lines: [{ part: 11 }, { part: 12 }],
      layout: [
        { blockType: 'text', body: 'x' },
        { blockType: 'gallery', images: [21, 22] },
        { blockType: 'unknown', images: [99] },
      ],
    }
    expect(refs(data)).toEqual(['meta.image→media:5', 'lines.0.part→parts:11', 'lines.1.part→parts:12', 'layout.1.images.0→media:21', 'layout.1.images.1→media:22'])
  })

  it('skips cleared values, non-ids, a field marked referencesAny, and bodies that are not objects', () => {
    expect(refs({ make: null, cover: undefined, features: [], target: { relationTo: 'cars' }, stamped: 8, lines: [null, 'x'], meta: null })).toEqual([])
    expect(refs({ make: 'abc', target: { relationTo: 'cars', value: -1 }, items: [{ value: 3 }] })).toEqual([])
    for (const body of [null, undefined, 5, 'text', [1, 2]]) expect(refs(body)).toEqual([])
  })
})
