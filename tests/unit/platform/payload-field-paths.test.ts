/**
 * The paths Payload's read traversal hands to field hooks, kept by patches/payload+3.89.0.patch, which stops
 * splitting every field's paths (getFieldPaths.js: the parent path's last segment found without an array;
 * afterRead/promise.js: the segments split only when a hook runs). Named fields, unnamed ones (row, collapsible)
 * at the top, in groups and in arrays: the hooks see what upstream 3.89.0 gives (recorded from the unpatched files).
 */
import { afterReadTraverseFields, type Field, type FieldHook } from 'payload'
import { describe, expect, it } from 'vitest'

type Seen = { path: (string | number)[]; schemaPath: string[]; indexPath: number[]; value: unknown }

async function pathsSeen(): Promise<Record<string, Seen>> {
  const seen: Record<string, Seen> = {}
  const record: FieldHook = ({ field, path, schemaPath, indexPath, value }) => {
    const name = (field as { name: string }).name
    seen[`${path.join('.')}`] = { path: [...path], schemaPath: [...schemaPath], indexPath: [...indexPath], value }
    return name === 'title' ? `${String(value)}!` : value
  }
  const hooks = { afterRead: [record] }
  const fields = [
    { name: 'title', type: 'text', hooks },
    {
      type: 'row',
      fields: [
        { name: 'inRow', type: 'text', hooks },
        { type: 'collapsible', label: 'n', fields: [{ name: 'nested', type: 'text', hooks }] },
      ],
    },
    { name: 'meta', type: 'group', fields: [{ type: 'collapsible', label: 'c', fields: [{ name: 'deep', type: 'text', hooks }] }] },
    {
      name: 'items',
      type: 'array',
      fields: [
        { type: 'row', fields: [{ name: 'label', type: 'text', hooks }] },
        { name: 'note', type: 'text', hooks },
      ],
    },
  ] as unknown as Field[]
  const doc = {
    id: 1,
    title: 'T',
    inRow: 'R',
    nested: 'X',
    meta: { deep: 'D' },
    items: [
      { id: 'a', label: 'L0', note: 'N0' },
      { id: 'b', label: 'L1', note: 'N1' },
    ],
  }
  const fieldPromises: Promise<void>[] = []
  const populationPromises: Promise<void>[] = []
  afterReadTraverseFields({
    collection: null,
    context: {},
    currentDepth: 0,
    depth: 0,
    doc,
    draft: false,
    fallbackLocale: null,
    fieldPromises,
    fields,
    findMany: false,
    flattenLocales: true,
    global: null,
    locale: null,
    overrideAccess: true,
    parentIndexPath: '',
    parentIsLocalized: false,
    parentPath: '',
    parentSchemaPath: '',
    populationPromises,
    req: { payload: { config: {} }, context: {} },
    select: undefined,
    selectMode: undefined,
    showHiddenFields: false,
    siblingDoc: doc,
    triggerAccessControl: false,
    triggerHooks: true,
  } as never)
  await Promise.all(fieldPromises)
  await Promise.all(populationPromises)
  expect(doc.title).toBe('T!')
  return seen
}

describe("Payload's read traversal hands field hooks their paths", () => {
  it('as upstream 3.89.0 does, for named and unnamed fields at every level', async () => {
    expect(await pathsSeen()).toEqual(EXPECTED)
  })
})

const EXPECTED: Record<string, Seen> = {
  title: { path: ['title'], schemaPath: ['title'], indexPath: [], value: 'T' },
  inRow: { path: ['inRow'], schemaPath: ['_index-1', 'inRow'], indexPath: [], value: 'R' },
  nested: { path: ['nested'], schemaPath: ['_index-1-1', 'nested'], indexPath: [], value: 'X' },
  'meta.deep': { path: ['meta', 'deep'], schemaPath: ['meta', '_index-0', 'deep'], indexPath: [], value: 'D' },
  'items.0.label': { path: ['items', '0', 'label'], schemaPath: ['items', '_index-0', 'label'], indexPath: [], value: 'L0' },
  'items.0.note': { path: ['items', '0', 'note'], schemaPath: ['items', 'note'], indexPath: [], value: 'N0' },
  'items.1.label': { path: ['items', '1', 'label'], schemaPath: ['items', '_index-0', 'label'], indexPath: [], value: 'L1' },
  'items.1.note': { path: ['items', '1', 'note'], schemaPath: ['items', 'note'], indexPath: [], value: 'N1' },
}
