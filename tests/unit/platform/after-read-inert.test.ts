/**
 * The inline handling of plain stored values in Payload's read traversal (patches/payload+3.89.0.patch,
 * afterRead/traverseFields.js): which fields take it (no promise is queued for them), and that the document comes
 * out as Payload's per-field `promise` leaves it — the select API's strip in both modes, a default value filled in,
 * hidden fields removed, hooked, access-controlled and localized fields still handled by `promise`.
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
] as unknown as Field[]

/** The plain scalar fields (with the group's `note`; `status` has a value, so its default is not needed). */
const plain = ['title', 'price', 'status', 'tags', 'meta.note']

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
  it('queues no promise for plain scalar fields; every other field still goes through `promise`', async () => {
    const inline = await traverse({ inline: true })
    const perField = await traverse({ inline: false })
    // Every field, and the group's field, which the group's `promise` queues as it runs.
    expect(perField.queued).toBe(fields.length + 1)
    expect(inline.queued).toBe(fields.length + 1 - plain.length)
  })

  it('leaves the document as the per-field traversal does', async () => {
    const inline = await traverse({ inline: true })
    const perField = await traverse({ inline: false })
    expect(inline.doc).toEqual(perField.doc)
    expect(inline.doc).toEqual({ id: 1, title: 'T', price: 10, status: 'b', tags: ['x', 'y'], shout: 'hi!', label: 'Label', spot: [1, 2], meta: { note: 'n' } })
  })

  it('fills a default value where the document has none (through `promise`)', async () => {
    const data = doc()
    delete data.status
    const inline = await traverse({ inline: true, data })
    expect(inline.doc.status).toBe('a')
    expect(inline.queued).toBe(fields.length + 1 - plain.length + 1)
  })

  it('applies a select in both modes', async () => {
    for (const [select, selectMode] of [
      [{ title: true, meta: true }, 'include'],
      [{ price: false, tags: false, shout: false }, 'exclude'],
    ] as const) {
      const inline = await traverse({ inline: true, select, selectMode })
      const perField = await traverse({ inline: false, select, selectMode })
      expect(inline.doc).toEqual(perField.doc)
      if (selectMode === 'include') expect(Object.keys(inline.doc).sort()).toEqual(['id', 'meta', 'title'])
      else expect(inline.doc).not.toHaveProperty('price')
    }
  })
})
