/**
 * Payload's write traversal gives each field's validator the whole document merged with the incoming data (`data`)
 * and the field's siblings merged likewise (`siblingData`). Upstream 3.89.0 deep-copies both for every validated
 * field of every create and update; patches/payload+3.89.0.patch builds them when a validator reads them
 * (beforeChange/promise.js), passes the arguments to the default validators without another copy
 * (fields/config/sanitize.js), and lets the default validators read them only when they need them (filterOptions, a
 * required time zone: fields/validations.js). These tests hold the values validators see and the class: no default
 * validator of any collection merges the document unless its field has a filterOptions function.
 */
import { beforeChangeTraverseFields, createLocalReq, type Field, type Payload, type Validate } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { testPayload } from '../../helpers/payload'

const ARGS_OF = Symbol.for('payload.validationArgsOf')

let payload: Payload

beforeAll(async () => {
  payload = await testPayload()
})

/** A document whose enumerations are counted: a deep merge enumerates the document it copies, a field lookup does not. */
function counted<T extends object>(target: T): { doc: T; enumerations: () => number } {
  let n = 0
  const doc = new Proxy(target, {
    ownKeys(t) {
      n++
      return Reflect.ownKeys(t)
    },
  })
  return { doc, enumerations: () => n }
}

async function traverse(fields: Field[], doc: Record<string, unknown>, data: Record<string, unknown>) {
  const req = await createLocalReq({}, payload)
  const errors: unknown[] = []
  await beforeChangeTraverseFields({
    id: 1,
    collection: null,
    context: {},
    data,
    doc,
    docWithLocales: doc,
    errors: errors as never,
    fieldLabelPath: '',
    fields,
    global: null,
    mergeLocaleActions: [],
    operation: 'update',
    overrideAccess: true,
    parentIndexPath: '',
    parentIsLocalized: false,
    parentPath: '',
    parentSchemaPath: '',
    req,
    siblingData: data,
    siblingDoc: doc,
    siblingDocWithLocales: doc,
    skipValidation: false,
  })
  return errors
}

describe('the arguments of field validators', () => {
  it('a validator that reads data and siblingData sees the document merged with the incoming data (arrays from the data)', async () => {
    const seen: unknown[] = []
    const reads: Validate = (_value, { data, siblingData }) => {
      seen.push(structuredClone({ data, siblingData }))
      return true
    }
    const fields = [
      { name: 'title', type: 'text', validate: reads },
      {
        name: 'meta',
        type: 'group',
        fields: [
          { name: 'note', type: 'text', validate: reads },
          { name: 'kept', type: 'text' },
        ],
      },
      { name: 'tags', type: 'json' },
    ] as unknown as Field[]
    const doc = { id: 1, title: 'old', meta: { note: 'n', kept: 'k' }, tags: ['a', 'b'], other: 1 }
    const data = { title: 'new', meta: { note: 'm' }, tags: ['c'] }
    expect(await traverse(fields, doc, data)).toEqual([])
    const merged = { id: 1, title: 'new', meta: { note: 'm', kept: 'k' }, tags: ['c'], other: 1 }
    expect(seen).toEqual([
      { data: merged, siblingData: merged },
      { data: merged, siblingData: { note: 'm', kept: 'k' } },
    ])
  })

  it('validators that do not read them cost no copy of the document', async () => {
    const quiet: Validate = () => true
    const readsData: Validate = (_value, { data }) => (data ? true : 'no data')
    const fields = [...Array.from({ length: 10 }, (_, i) => ({ name: `f${i}`, type: 'text', validate: quiet })), { name: 'last', type: 'text', validate: readsData }] as unknown as Field[]
    const { doc, enumerations } = counted({ id: 1, f0: 'a', last: 'z' } as Record<string, unknown>)
    expect(await traverse(fields, doc, { f0: 'b' })).toEqual([])
    // One merge, for `last` reading `data` (deepmerge lists the keys and the symbols: 2 enumerations). Upstream:
    // two merges per validated field, 44.
    expect(enumerations()).toBe(2)
  })

  it('a validator may replace the arguments it was given', async () => {
    const replaces: Validate = (_value, args) => {
      ;(args as { data: unknown }).data = 'replaced'
      return (args as { data: unknown }).data === 'replaced' ? true : 'kept'
    }
    expect(await traverse([{ name: 'x', type: 'text', validate: replaces }] as unknown as Field[], { id: 1 }, { x: 'y' })).toEqual([])
  })
})

describe('default validators of every collection', () => {
  /** Every field with a validate function, nested ones included (group, array, row, collapsible, tabs, blocks). */
  function validatedFields(fields: Field[], out: Field[] = []): Field[] {
    for (const f of fields) {
      if ('validate' in f && typeof f.validate === 'function') out.push(f)
      if ('fields' in f && Array.isArray(f.fields)) validatedFields(f.fields as Field[], out)
      if (f.type === 'tabs') for (const t of f.tabs) validatedFields(t.fields as Field[], out)
      if (f.type === 'blocks') for (const b of f.blocks ?? []) if (typeof b === 'object') validatedFields(b.fields as Field[], out)
    }
    return out
  }

  /** The default validator wrapper Payload attaches at sanitization (a field's own validate is its author's business). */
  const isDefault = (field: Field) => String((field as { validate?: unknown }).validate).includes('payload.validationArgsOf')

  /**
   * Payload's auth fields (email, username, API key, sessions…) are merged into an auth collection's fields as new
   * objects after sanitization, so their default validators do not recognise the traversal's arguments as their own
   * and copy them as upstream does (users' writes only); email and username validators read their siblings anyway.
   */
  const AUTH_FIELDS = [
    'email',
    'username',
    'enableAPIKey',
    'apiKey',
    'apiKeyIndex',
    '_verified',
    '_verificationToken',
    'sessions',
    'loginAttempts',
    'lockUntil',
    'resetPasswordToken',
    'resetPasswordExpiration',
    'salt',
    'hash',
  ]

  it('read data and siblingData only for a filterOptions function', async () => {
    const req = await createLocalReq({}, payload)
    const readers: string[] = []
    let checked = 0
    for (const [slug, { config }] of Object.entries(payload.collections)) {
      const fields = config.auth ? config.fields.filter((f) => !('name' in f && AUTH_FIELDS.includes(f.name))) : config.fields
      for (const field of validatedFields(fields).filter(isDefault)) {
        const name = 'name' in field ? field.name : field.type
        const read: string[] = []
        const args: Record<string | symbol, unknown> = { ...field, id: 1, collectionSlug: slug, event: 'submit', operation: 'update', path: [name], preferences: { fields: {} }, req, [ARGS_OF]: field }
        Object.defineProperty(args, 'data', { enumerable: true, get: () => (read.push('data'), {}) })
        Object.defineProperty(args, 'siblingData', { enumerable: true, get: () => (read.push('siblingData'), {}) })
        await (field as { validate: Validate }).validate(undefined, args as never)
        checked++
        const needs = 'filterOptions' in field && typeof field.filterOptions === 'function'
        if (read.length && !needs) readers.push(`${slug}.${name} (${field.type}) read ${read.join(', ')}`)
      }
    }
    expect(checked).toBeGreaterThan(300)
    expect(readers).toEqual([])
  })
})
