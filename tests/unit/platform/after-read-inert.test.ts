/**
 * The inline handling of plain stored values in Payload's read traversal (patches/payload+3.89.0.patch,
 * afterRead/traverseFields.js): which fields take it (no promise is queued for them), and that the document comes
 * out as Payload's per-field `promise` leaves it — the select API's strip in both modes (in groups and array rows
 * too), a default value filled in, a missing group or array filled in, hidden fields removed, hooked,
 * access-controlled and localized fields (also inside a row) still handled by `promise`.
 */
import { afterReadTraverseFields, type Field } from 'payload'
import { describe, expect, it } from 'vitest'

const SWITCH = Symbol.for('payload.afterRead.inertFields')
const switchable = globalThis as unknown as Record<symbol, boolean | undefined>

const fields = [
  { name: 'id', type: 'number' },
  { name: 'title', type: 'text' },
  { name: 'price', type: 'number' },
  { name: 'status', type: 'select', options: ['a', 'b'], defaultValue: 'a' },
  { name: 'tags', type: 'text', hasMany: true },
  { name: 'secret', type: 'text', hidden: true },
  { name: 'shout', type: 'text', hooks: { afterRead: [({ value }: { value: unknown }) => `${String(value)}!`] } },
  { name: 'locked', type: 'text', access: { read: () => false } },
  { name: 'label', type: 'text', localized: true },
  { name: 'spot', type: 'point' },
  { name: 'meta', type: 'group', fields: [{ name: 'note', type: 'textarea' }] },
  {
    type: 'row',
    fields: [
      { name: 'inRow', type: 'text' },
      { name: 'hookedInRow', type: 'text', hooks: { afterRead: [() => 'hooked'] } },
    ],
  },
  { name: 'hint', type: 'ui', admin: { components: {} } },
  {
    name: 'items',
    type: 'array',
    fields: [
      { name: 'id', type: 'text' },
      { name: 'label2', type: 'text' },
    ],
  },
  { name: 'extras', type: 'array', fields: [{ name: 'x', type: 'text' }] },
  { name: 'box', type: 'group', fields: [{ name: 'y', type: 'number' }] },
] as unknown as Field[]

/**
 * What `promise` queues synchronously for this document: the 16 top-level fields, the groups' fields (one each), the
 * row's two and the array's two rows × 2. Inline, only the fields that need `promise` are queued: the top-level `id`, the hidden,
 * hooked, access-controlled, localized and point fields, and the hooked field in the row.
 */
const PER_FIELD = 16 + 2 + 2 + 4
const INLINE = 7

function doc() {
  return {
    id: 1,
    title: 'T',
    price: 10,
    status: 'b',
    tags: ['x', 'y'],
    secret: 's',
    shout: 'hi',
    locked: 'no',
    label: { en: 'Label', ar: 'تسمية' },
    spot: { type: 'Point', coordinates: [1, 2] },
    meta: { note: 'n' },
    inRow: 'r',
    hookedInRow: 'h',
    items: [
      { id: 'a', label2: 'A' },
      { id: 'b', label2: 'B' },
    ],
  } as Record<string, unknown>
}

/** Runs the traversal as Payload's afterRead does; returns the document and how many field promises were queued. */
async function traverse(opts: { inline: boolean; select?: Record<string, unknown>; selectMode?: 'include' | 'exclude'; data?: Record<string, unknown> }) {
  const d = opts.data ?? doc()
  const fieldPromises: Promise<void>[] = []
  const populationPromises: Promise<void>[] = []
  if (!opts.inline) switchable[SWITCH] = false
  try {
    afterReadTraverseFields({
      collection: null,
      context: {},
      currentDepth: 1,
      depth: 0,
      doc: d,
      draft: false,
      fallbackLocale: null,
      fieldPromises,
      fields,
      findMany: false,
      flattenLocales: true,
      global: null,
      locale: 'en',
      overrideAccess: false,
      parentIndexPath: '',
      parentIsLocalized: false,
      parentPath: '',
      parentSchemaPath: '',
      populationPromises,
      req: { payload: { config: { localization: { localeCodes: ['en', 'ar'] } } }, context: {}, user: null },
      select: opts.select,
      selectMode: opts.selectMode,
      showHiddenFields: false,
      siblingDoc: d,
      triggerAccessControl: true,
      triggerHooks: true,
    } as never)
  } finally {
    delete switchable[SWITCH]
  }
  const queued = fieldPromises.length
  while (fieldPromises.length || populationPromises.length) {
    await Promise.all(fieldPromises.splice(0))
    await Promise.all(populationPromises.splice(0))
  }
  return { doc: d, queued }
}

describe('plain stored values in the read traversal', () => {
  it('queues no promise for plain fields and containers; every other field still goes through `promise`', async () => {
    const inline = await traverse({ inline: true })
    const perField = await traverse({ inline: false })
    expect(perField.queued).toBe(PER_FIELD)
    expect(inline.queued).toBe(INLINE)
  })

  it('leaves the document as the per-field traversal does', async () => {
    const inline = await traverse({ inline: true })
    const perField = await traverse({ inline: false })
    expect(inline.doc).toEqual(perField.doc)
    // A missing array becomes [], a missing group {}; the hooked field in the row ran.
    expect(inline.doc).toEqual({
      id: 1,
      title: 'T',
      price: 10,
      status: 'b',
      tags: ['x', 'y'],
      shout: 'hi!',
      label: 'Label',
      spot: [1, 2],
      meta: { note: 'n' },
      inRow: 'r',
      hookedInRow: 'hooked',
      items: [
        { id: 'a', label2: 'A' },
        { id: 'b', label2: 'B' },
      ],
      extras: [],
      box: {},
    })
  })

  it('fills a default value where the document has none (through `promise`)', async () => {
    const data = doc()
    delete data.status
    const inline = await traverse({ inline: true, data })
    expect(inline.doc.status).toBe('a')
    expect(inline.queued).toBe(INLINE + 1)
  })

  it('applies a select in both modes', async () => {
    for (const [select, selectMode] of [
      [{ title: true, meta: true, items: { label2: true } }, 'include'],
      [{ price: false, tags: false, shout: false, items: { label2: false }, box: false }, 'exclude'],
    ] as const) {
      const inline = await traverse({ inline: true, select, selectMode })
      const perField = await traverse({ inline: false, select, selectMode })
      expect(inline.doc).toEqual(perField.doc)
      if (selectMode === 'include') {
        expect(Object.keys(inline.doc).sort()).toEqual(['id', 'items', 'meta', 'title'])
        expect(inline.doc.items).toEqual([
          { id: 'a', label2: 'A' },
          { id: 'b', label2: 'B' },
        ])
      } else {
        expect(inline.doc).not.toHaveProperty('price')
        expect(inline.doc).not.toHaveProperty('box')
        expect(inline.doc.items).toEqual([{ id: 'a' }, { id: 'b' }])
      }
    }
  })
})
