/**
 * `resetUncopyable` (src/plugins/input-guards.ts): in a duplicate's data, what the caller may not create, or may not read
 * on the original, goes back to its default, at every level — group and tab members, array rows, block rows.
 */
import type { PayloadRequest } from 'payload'
import { describe, expect, it } from 'vitest'

import { resetUncopyable } from '../../../src/plugins/input-guards'

const caller = { id: 1 }
const req = { user: caller, locale: 'en' } as unknown as PayloadRequest
const ownerOnly = ({ doc }: { doc?: Record<string, unknown> }) => doc?.owner === caller.id
const nobody = () => false

const FIELDS = [
  { name: 'title', type: 'text' },
  { name: 'secret', type: 'text', access: { read: ownerOnly } },
  { name: 'featured', type: 'checkbox', defaultValue: false, access: { create: nobody } },
  { name: 'level', type: 'select', defaultValue: ({ user }: { user: { id: number } }) => `level-${user.id}`, access: { create: nobody } },
  { name: 'history', type: 'array', access: { create: nobody } },
  {
    name: 'box',
    type: 'group',
    flattenedFields: [
      { name: 'paid', type: 'number', access: { create: nobody } },
      { name: 'label', type: 'text' },
    ],
  },
  {
    name: 'notes',
    type: 'array',
    flattenedFields: [
      { name: 'text', type: 'text' },
      { name: 'private', type: 'text', access: { read: ownerOnly } },
    ],
  },
  {
    name: 'layout',
    type: 'blocks',
    blocks: [
      {
        slug: 'quote',
        flattenedFields: [
          { name: 'by', type: 'text', defaultValue: 'anonymous', access: { create: nobody } },
          { name: 'body', type: 'text' },
        ],
      },
    ],
  },
] as never

const original = () => ({
  owner: 2,
  title: 'T',
  secret: 's3cret',
  featured: true,
  level: 'gold',
  history: [{ price: 1 }],
  box: { paid: 100, label: 'L' },
  notes: [{ text: 'a', private: 'p' }],
  layout: [{ blockType: 'quote', by: 'Ann', body: 'B' }],
})

describe('resetUncopyable', () => {
  it('another owner’s original: private and create-denied values take their defaults at every level; the rest is copied', async () => {
    const data = original()
    await resetUncopyable(FIELDS, data, original(), original(), req)
    expect(data).toEqual({
      owner: 2,
      title: 'T',
      secret: null,
      featured: false,
      level: 'level-1',
      history: [],
      box: { paid: null, label: 'L' },
      notes: [{ text: 'a', private: null }],
      layout: [{ blockType: 'quote', by: 'anonymous', body: 'B' }],
    })
  })

  it('the caller’s own original: what the caller may read is copied, what it may not create is still reset', async () => {
    const own = { ...original(), owner: caller.id }
    const data = structuredClone(own)
    await resetUncopyable(FIELDS, data, own, own, req)
    expect(data).toMatchObject({ secret: 's3cret', notes: [{ text: 'a', private: 'p' }], featured: false, box: { paid: null, label: 'L' } })
  })
})
