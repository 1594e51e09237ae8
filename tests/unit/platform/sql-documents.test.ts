/**
 * The SQL document reader's derivation from a collection's fields and the adapter's tables (src/db/documents.ts):
 * what each field shape becomes, and every shape it declines so that the adapter reads as before. Its documents
 * against the adapter's own, on a real database for every collection: tests/int/foundation/sql-documents.test.ts.
 */
import type { FlattenedField } from 'payload'
import { describe, expect, it } from 'vitest'

import { type AdapterShape, buildDocumentReader, type ReaderRequest, snake } from '../../../src/db/documents'

const col = (name: string, columnType = 'PgVarchar') => ({ name, columnType })

function adapter(extra: Record<string, Record<string, unknown>> = {}, collections: Record<string, object> = {}): AdapterShape {
  return {
    tables: {
      things: {
        id: col('id', 'PgSerial'),
        title: col('title'),
        price: col('price', 'PgNumeric'),
        createdAt: col('created_at', 'PgTimestampString'),
        owner: col('owner_id', 'PgInteger'),
        info_city: col('info_city'),
        ...extra.things,
      },
      things_locales: { _locale: col('_locale', 'PgEnumColumn'), _parentID: col('_parent_id', 'PgInteger'), name: col('name'), meta_title: col('meta_title') },
      things_rels: {
        id: col('id', 'PgSerial'),
        order: col('order', 'PgInteger'),
        parent: col('parent_id', 'PgInteger'),
        path: col('path'),
        usersID: col('users_id', 'PgInteger'),
        postsID: col('posts_id', 'PgInteger'),
      },
      things_rows: { _order: col('_order', 'PgInteger'), _parentID: col('_parent_id', 'PgInteger'), id: col('id'), label: col('label'), ...extra.things_rows },
    },
    tableNameMap: new Map([
      ['things', 'things'],
      ['things_rows', 'things_rows'],
    ]),
    payload: {
      collections: { things: {}, users: {}, posts: {}, ...collections } as never,
      config: { localization: { localeCodes: ['en', 'ar'] } } as never,
    },
  }
}

const f = (field: Record<string, unknown>) => field as unknown as FlattenedField
const FIELDS: FlattenedField[] = [
  f({ name: 'title', type: 'text' }),
  f({ name: 'price', type: 'number' }),
  f({ name: 'createdAt', type: 'date' }),
  f({ name: 'owner', type: 'relationship', relationTo: 'users' }),
  f({ name: 'info', type: 'group', flattenedFields: [f({ name: 'city', type: 'text' })] }),
  f({ name: 'name', type: 'text', localized: true }),
  f({ name: 'meta', type: 'group', localized: true, flattenedFields: [f({ name: 'title', type: 'text' })] }),
  f({ name: 'rows', type: 'array', flattenedFields: [f({ name: 'label', type: 'text' })] }),
  f({ name: 'tags', type: 'relationship', relationTo: 'users', hasMany: true }),
  f({ name: 'link', type: 'relationship', relationTo: ['users', 'posts'] }),
  f({ name: 'computed', type: 'text', virtual: true }),
]

const request = (over: Partial<ReaderRequest> = {}): ReaderRequest => ({ collectionSlug: 'things', tableName: 'things', fields: FIELDS, ...over })

function text(over: Partial<ReaderRequest> = {}, a = adapter()): string {
  const built = buildDocumentReader(a, request(over))
  if (!('reader' in built)) throw new Error(`declined: ${built.declined}`)
  return built.reader.text
}

function declined(over: Partial<ReaderRequest> = {}, a = adapter()): string {
  const built = buildDocumentReader(a, request(over))
  if (!('declined' in built)) throw new Error('not declined')
  return built.declined
}

describe('SQL document reader: derivation', () => {
  it('reads the ids bound to $1 and builds each field as the adapter shapes it', () => {
    const sql = text()
    const built = buildDocumentReader(adapter(), request()) as { reader: { expression: string; text: string } }
    expect(built.reader.text).toBe(`select ${built.reader.expression} as doc from "things" where "things".id = any((select $1::integer[])::integer[])`)
    expect(sql).toMatch(/^select .* as doc from "things" where "things"\.id = any\(\(select \$1::integer\[\]\)::integer\[\]\)$/)
    expect(sql).toContain(`'createdAt', to_char("things"."created_at" at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`)
    expect(sql).toContain(`'owner', "things"."owner_id"`)
    expect(sql).toContain(`'info', jsonb_build_object('city', "things"."info_city")`)
    // localized: { en: …, ar: … } from the locales table; a localized group per locale, empty groups when no row
    expect(sql).toMatch(/'name', coalesce\(\(select jsonb_object_agg\(d\d+\."_locale", d\d+\."name"\) from "things_locales"/)
    expect(sql).toContain(`jsonb_build_object('en', '{}'::jsonb, 'ar', '{}'::jsonb)`)
    // arrays in order with their row id; relationship lists by path, on the parent's index
    expect(sql).toMatch(/'rows', coalesce\(\(select jsonb_agg\(jsonb_build_object\('id', d\d+\."id", 'label', d\d+\."label"\) order by d\d+\."_order"\) from "things_rows"/)
    expect(sql).toMatch(/\(d\d+\."path" \|\| ''\) = 'tags'/)
    // a single polymorphic relationship is left out when there is none
    expect(sql).toMatch(/jsonb_strip_nulls\(jsonb_build_object\('link', \(select case when d\d+\."users_id" is not null then jsonb_build_object\('relationTo', 'users'/)
    expect(sql).not.toContain('computed')
  })

  it('keeps only the selected top-level fields (and the id) for an include select', () => {
    const sql = text({ select: { title: true, rows: true } })
    expect(sql).toContain(`'title', "things"."title"`)
    expect(sql).toContain('"things_rows"')
    expect(sql).not.toContain('price')
    expect(sql).toContain(`'id', "things".id`)
  })

  it('keeps a field with a nested select whole (afterRead strips the rest) and drops the excluded ones', () => {
    const nested = text({ select: { info: { city: true }, title: true } })
    expect(nested).toContain(`'info', jsonb_build_object('city', "things"."info_city")`)
    expect(nested).not.toContain('price')
    const excluded = text({ select: { price: false, rows: false } })
    expect(excluded).toContain(`'title', "things"."title"`)
    expect(excluded).not.toContain('price')
    expect(excluded).not.toContain('"things_rows"')
  })

  it('splits objects beyond jsonb_build_object’s 100 arguments', () => {
    const many = Array.from({ length: 90 }, (_, i) => f({ name: `f${i}`, type: 'text' }))
    const a = adapter({ things: Object.fromEntries(many.map((m) => [m.name, col(m.name)])) })
    const sql = text({ fields: many }, a)
    expect(sql.match(/jsonb_build_object\(/g)?.length).toBe(3)
    expect(sql).toContain(') || jsonb_build_object(')
  })

  it('gives every reader its own statement name', () => {
    const names = new Set([1, 2, 3].map(() => (buildDocumentReader(adapter(), request()) as { reader: { name: string } }).reader.name))
    expect(names.size).toBe(3)
  })

  it('spells table names as the adapter does', () => {
    expect(snake('priceHistory')).toBe('price_history')
    expect(snake('thumbnailURL')).toBe('thumbnail_url')
    expect(snake('part-categories')).toBe('part_categories')
  })
})

describe('SQL document reader: declines what it does not reproduce', () => {
  const field = (extra: Record<string, unknown>) => ({ fields: [...FIELDS, f(extra)] })
  it.each([
    ['versions', { versions: true }, /versions/],
    ['not a collection (a global)', { collectionSlug: undefined }, /not a collection/],
    ['blocks', field({ name: 'layout', type: 'blocks' }), /blocks field layout/],
    ['points', field({ name: 'where', type: 'point' }), /point field where/],
    ['joins', field({ name: 'orders', type: 'join' }), /join field orders/],
    ['a localized array', field({ name: 'steps', type: 'array', localized: true, flattenedFields: [] }), /localized array steps/],
    ['a localized relationship list', field({ name: 'likes', type: 'relationship', relationTo: 'users', hasMany: true, localized: true }), /localized relationship list/],
    ['a localized select list', field({ name: 'kinds', type: 'select', hasMany: true, localized: true }), /localized select list/],
    ['a column it cannot find', field({ name: 'missing', type: 'text' }), /column missing/],
    ['an array table it cannot find', field({ name: 'other', type: 'array', flattenedFields: [] }), /array table of other/],
  ] as [string, Partial<ReaderRequest>, RegExp][])('%s', (_name, over, why) => {
    expect(declined(over)).toMatch(why)
  })

  it('a column type it does not know (a geometry)', () => {
    expect(declined({}, adapter({ things: { title: col('title', 'PgGeometry') } }))).toMatch(/column type PgGeometry/)
  })

  it('a collection with custom ids, or a relationship to one', () => {
    expect(declined({}, adapter({}, { things: { customIDType: 'text' } }))).toMatch(/custom id type/)
    expect(declined({}, adapter({}, { users: { customIDType: 'text' } }))).toMatch(/relationship owner to users/)
  })
})
