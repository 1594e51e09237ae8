import { parse } from 'qs-esm'
import { describe, expect, it } from 'vitest'

import { buildListingSql, unsafeListingFields } from '../../../src/http/listing-read'
import { accessFilterOf, type AccessFilter, type ListingField, type ListingPlan, planListingQuery } from '../../../src/domain/catalog/listing-query'
import { pageInfo } from '../../../src/domain/pagination'
import { dataExceptionOf, stillReferencedBy } from '../../../src/plugins/guards'
import { markInert } from '../../../src/plugins/inert-hooks'
import { Cars } from '../../../collections/catalog/Cars'

const plan = (qs: string, maxPageSize = 50) => planListingQuery(parse(qs, { arrayLimit: 1000, depth: 10 }) as Record<string, unknown>, { maxPageSize })
const ok = (qs: string): ListingPlan => {
  const r = plan(qs)
  if (!r.ok) throw new Error(`declined: ${r.reason}`)
  return r.plan
}
const reason = (qs: string) => {
  const r = plan(qs)
  return r.ok ? null : r.reason
}

describe('planListingQuery: accepts plain card queries', () => {
  it('parses the bench query into typed conditions, Payload sort, page and limit', () => {
    const p = ok(
      'where[make][equals]=7&where[price][greater_than_equal]=10000&where[price][less_than_equal]=50000.5&where[year][greater_than_equal]=2010&sort=-createdAt&page=3&limit=12&depth=1&select[title]=true&select[make]=true',
    )
    expect(p.conditions).toEqual([
      { field: 'make', column: 'make_id', operator: 'equals', value: 7 },
      { field: 'price', column: 'price', operator: 'greater_than_equal', value: 10000 },
      { field: 'price', column: 'price', operator: 'less_than_equal', value: 50000.5 },
      { field: 'year', column: 'year', operator: 'greater_than_equal', value: 2010 },
    ])
    expect(p.sort).toEqual([{ field: 'createdAt', column: 'created_at', direction: 'desc' }])
    expect(p).toMatchObject({ page: 3, limit: 12, depth: 1, select: ['title', 'make'] })
  })

  it('uses Payload defaults: depth 1, page 1, limit 10, -createdAt', () => {
    expect(ok('select[title]=true')).toMatchObject({ depth: 1, page: 1, limit: 10, conditions: [], sort: [{ field: 'createdAt', direction: 'desc' }] })
  })

  it('appends -createdAt to any sort without it, like drizzle buildOrderBy', () => {
    expect(ok('sort=price,-year&select[title]=true').sort.map((s) => `${s.direction} ${s.column}`)).toEqual(['asc price', 'desc year', 'desc created_at'])
    expect(ok('sort=createdAt&select[title]=true').sort.map((s) => `${s.direction} ${s.column}`)).toEqual(['asc created_at'])
  })

  it('clamps limit=0 and limits above the maximum to the maximum; page 0 goes to Payload (the guard answers 400)', () => {
    expect(plan('limit=0&select[title]=true', 24)).toMatchObject({ ok: true, plan: { limit: 24 } })
    expect(plan('limit=500&select[title]=true', 24)).toMatchObject({ ok: true, plan: { limit: 24 } })
    expect(plan('page=0&select[title]=true', 24)).toMatchObject({ ok: false })
    expect(ok('page=1&select[title]=true').page).toBe(1)
  })

  it('reads `in` as a comma list or an array, and flattens `and`', () => {
    expect(ok('where[condition][in]=new,used&select[title]=true').conditions[0]).toMatchObject({ operator: 'in', value: ['new', 'used'] })
    expect(ok('where[and][0][make][in][0]=1&where[and][0][make][in][1]=2&where[and][1][negotiable][equals]=false&select[title]=true').conditions).toEqual([
      { field: 'make', column: 'make_id', operator: 'in', value: [1, 2] },
      { field: 'negotiable', column: 'negotiable', operator: 'equals', value: false },
    ])
  })
})

describe('planListingQuery: declines everything else (Payload answers it)', () => {
  it.each([
    ['no select', 'where[make][equals]=1', 'no select'],
    ['a field it does not serve', 'select[seller]=true', 'select seller'],
    ['a seller-private field', 'select[autoAcceptPrice]=true', 'select autoAcceptPrice'],
    ['a nested select', 'select[location][city]=true', 'select location'],
    ['depth 2', 'depth=2&select[title]=true', 'depth'],
    ['a locale', 'locale=ar&select[title]=true', 'parameter locale'],
    ['draft', 'draft=true&select[title]=true', 'parameter draft'],
    ['or', 'where[or][0][make][equals]=1&select[title]=true', 'filter on or'],
    ['like', 'where[title][like]=x&select[title]=true', 'operator like on title'],
    ['a range on a text field', 'where[title][greater_than]=x&select[title]=true', 'operator greater_than on title'],
    ['a non-numeric number', 'where[price][equals]=cheap&select[title]=true', 'value of price'],
    ['a non-integer id', 'where[make][equals]=1.5&select[title]=true', 'value of make'],
    ['an unknown enum value', 'where[condition][equals]=mint&select[title]=true', 'value of condition'],
    ['a non-boolean', 'where[featured][equals]=yes&select[title]=true', 'value of featured'],
    ['an unsortable field', 'sort=description&select[title]=true', 'sort by description'],
    ['a repeated sort field', 'sort=price,-price&select[title]=true', 'sort by price'],
    ['a negative page', 'page=-1&select[title]=true', 'page'],
    ['a filter on a column it does not know', 'where[seller][equals]=1&select[title]=true', 'filter on seller'],
  ])('%s', (_name, qs, expected) => {
    expect(reason(qs)).toBe(expected)
  })
})

describe('pageInfo: Payload pagination fields', () => {
  it('middle, last and beyond-last pages', () => {
    expect(pageInfo(25, 2, 10)).toEqual({ totalDocs: 25, limit: 10, totalPages: 3, page: 2, pagingCounter: 11, hasPrevPage: true, hasNextPage: true, prevPage: 1, nextPage: 3 })
    expect(pageInfo(25, 3, 10)).toMatchObject({ hasNextPage: false, nextPage: null, prevPage: 2 })
    expect(pageInfo(25, 9, 10)).toMatchObject({ totalPages: 3, page: 9, hasPrevPage: true, prevPage: 8, hasNextPage: false, pagingCounter: 81 })
  })
  it('no match is one empty page', () => {
    expect(pageInfo(0, 4, 10)).toEqual({ totalDocs: 0, limit: 10, totalPages: 1, page: 4, pagingCounter: 1, hasPrevPage: false, hasNextPage: false, prevPage: null, nextPage: null })
  })
})

/** The users' fields their read rule names, as src/http/listing-read.ts derives them from the config. */
const USERS: Record<string, ListingField> = {
  id: { column: 'id', kind: 'id' },
  roles: { column: 'value', kind: 'enum', values: ['admin', 'editor', 'seller', 'buyer', 'technician', 'parking_owner'], hasMany: 'users_roles' },
}

/** What the cars read access returns for the public (whereIn('status', PUBLIC_CAR_STATUSES)). */
const PUBLIC = accessFilterOf({ status: { in: ['active', 'sale_pending', 'sold'] } }) as AccessFilter

describe('buildListingSql', () => {
  it("filters by the reader's access and parameterizes every value", () => {
    const q = buildListingSql(ok("where[exteriorColor][equals]=x'); drop table cars;--&select[title]=true"), PUBLIC)
    expect(q.page.text).toMatch(/^select .* from cars c where c\.status = any\(\$1\) and c\.exterior_color = \$2 order by c\.created_at desc limit \$3 offset \$4$/)
    expect(q.page.values).toEqual([['active', 'sale_pending', 'sold'], "x'); drop table cars;--", 10, 0])
    expect(q.count).toEqual({
      text: 'select count(*)::int as n from cars c where c.status = any($1) and c.exterior_color = $2',
      values: [['active', 'sale_pending', 'sold'], "x'); drop table cars;--"],
    })
  })
  it('a signed-in seller: own rows or public ones; staff: every row', () => {
    const seller = accessFilterOf({ or: [{ seller: { equals: 7 } }, { status: { in: ['active', 'sold'] } }] }) as AccessFilter
    const q = buildListingSql(ok('select[title]=true&where[year][equals]=2015'), seller)
    expect(q.count).toEqual({ text: 'select count(*)::int as n from cars c where (c.seller_id = $1 or c.status = any($2)) and c.year = $3', values: [7, ['active', 'sold'], 2015] })
    expect(buildListingSql(ok('select[title]=true'), accessFilterOf(true) as AccessFilter).count.text).toBe('select count(*)::int as n from cars c where true')
  })
  it('reads an access-joined seller under the users’ rule: its values after the page’s filters, none in the count', () => {
    const users = accessFilterOf({ or: [{ id: { equals: 9 } }, { roles: { in: ['seller', 'technician'] } }] }, USERS) as AccessFilter
    const q = buildListingSql(ok('select[title]=true&where[year][equals]=2015'), PUBLIC, { seller: users })
    expect(q.page.text).toBe(
      `select json_build_object('id', c.id, 'title', c.title)::text as doc, null::int as image from cars c where c.status = any($1) and c.year = $2 order by c.created_at desc limit $3 offset $4`,
    )
    const withSeller = buildListingSql({ ...ok('select[title]=true&where[year][equals]=2015'), select: ['title', 'seller'] }, PUBLIC, { seller: users })
    expect(withSeller.page.text).toBe(
      `select json_build_object('id', c.id, 'title', c.title, 'seller', (select json_build_object('id', u.id, 'firstName', u.first_name, 'lastName', u.last_name, 'accountType', u.account_type, 'companyName', u.company_name) from users u where u.id = c.seller_id and (u.id = $3 or exists (select 1 from users_roles v where v.parent_id = u.id and v.value::text = any($4::text[])))))::text as doc, null::int as image from cars c where c.status = any($1) and c.year = $2 order by c.created_at desc limit $5 offset $6`,
    )
    expect(withSeller.page.values).toEqual([['active', 'sale_pending', 'sold'], 2015, 9, ['seller', 'technician'], 10, 0])
    expect(withSeller.count).toEqual(q.count)
    // not joined: the seller's id
    expect(buildListingSql({ ...ok('select[title]=true'), select: ['seller'] }, PUBLIC).page.text).toMatch(/^select json_build_object\('id', c\.id, 'seller', c\.seller_id\)::text/)
    // a role that equals: the list contains it
    const one = accessFilterOf({ roles: { equals: 'seller' } }, USERS) as AccessFilter
    expect(buildListingSql({ ...ok('select[title]=true'), select: ['seller'] }, PUBLIC, { seller: one }).page.text).toContain(
      'exists (select 1 from users_roles v where v.parent_id = u.id and v.value::text = $2)',
    )
  })
  it('joins make and model only when they are populated', () => {
    expect(buildListingSql(ok('select[make]=true&select[model]=true&depth=1'), PUBLIC).page.text).toMatch(/join makes mk .* join models md/)
    expect(buildListingSql(ok('select[make]=true&depth=0'), PUBLIC).page.text).not.toMatch(/join/)
  })
})

describe('accessFilterOf: the read access result, exactly, or nothing', () => {
  it('translates true, equals, in, and/or (nested)', () => {
    expect(accessFilterOf(true)).toEqual({ all: [] })
    expect(accessFilterOf({})).toEqual({ all: [] })
    expect(accessFilterOf({ seller: { equals: '12' } })).toEqual({ field: 'seller', column: 'seller_id', operator: 'equals', value: 12 })
    expect(accessFilterOf({ and: [{ status: { in: ['active'] } }, { or: [{ featured: { equals: true } }, { make: { equals: 3 } }] }] })).toEqual({
      all: [
        { field: 'status', column: 'status', operator: 'in', value: ['active'] },
        {
          any: [
            { field: 'featured', column: 'featured', operator: 'equals', value: true },
            { field: 'make', column: 'make_id', operator: 'equals', value: 3 },
          ],
        },
      ],
    })
    expect(accessFilterOf({ status: { equals: 'active' }, seller: { in: [1, 2] } })).toEqual({
      all: [
        { field: 'status', column: 'status', operator: 'equals', value: 'active' },
        { field: 'seller', column: 'seller_id', operator: 'in', value: [1, 2] },
      ],
    })
  })
  it('translates another collection’s rule over the fields its caller describes (a `hasMany` select’s values by their table)', () => {
    expect(accessFilterOf({ or: [{ id: { equals: '4' } }, { roles: { in: ['seller'] } }] }, USERS)).toEqual({
      any: [
        { field: 'id', column: 'id', operator: 'equals', value: 4 },
        { field: 'roles', column: 'value', operator: 'in', value: ['seller'], hasMany: 'users_roles' },
      ],
    })
    expect(accessFilterOf({ roles: { equals: 'admin' } }, USERS)).toEqual({ field: 'roles', column: 'value', operator: 'equals', value: 'admin', hasMany: 'users_roles' })
    // what the map does not describe, or a value outside a select's options
    expect(accessFilterOf({ email: { equals: 'x@y.z' } }, USERS)).toBeNull()
    expect(accessFilterOf({ status: { equals: 'active' } }, USERS)).toBeNull()
    expect(accessFilterOf({ roles: { in: ['owner'] } }, USERS)).toBeNull()
    expect(accessFilterOf({ constructor: { equals: 1 } }, USERS)).toBeNull()
  })
  it.each([
    ['false (nothing readable: Payload answers 403)', false],
    ['a Promise', Promise.resolve(true)],
    ['an operator it does not translate', { status: { not_equals: 'draft' } }],
    ['a range on a date', { createdAt: { greater_than: '2020-01-01' } }],
    ['a field it does not know', { dealer: { equals: 3 } }],
    ['a nested path', { 'seller.email': { equals: 'x@y.z' } }],
    ['an unknown status value', { status: { in: ['active', 'hidden'] } }],
    ['two operators on one field', { price: { equals: 1, in: [1] } }],
    ['an empty or', { or: [] }],
    ['an untranslatable branch inside an or', { or: [{ status: { equals: 'active' } }, { title: { like: 'x' } }] }],
    ['a non-integer id', { seller: { equals: 'abc' } }],
  ])('declines %s', (_name, result) => {
    expect(accessFilterOf(result)).toBeNull()
  })
})

describe('unsafeListingFields', () => {
  it('the cars collection as configured is safe', () => {
    expect(unsafeListingFields(Cars)).toEqual([])
  })
  it('reports read and operation hooks, field read access, hidden and localization on served fields', () => {
    const fields = [
      { name: 'title', type: 'text', localized: true },
      { name: 'slug', type: 'text', hidden: true },
      { name: 'price', type: 'number', access: { read: () => false } },
      { type: 'row', fields: [{ name: 'year', type: 'number', hooks: { afterRead: [() => 1] } }] },
      { name: 'location', type: 'group', fields: [{ name: 'city', type: 'text', localized: true }] },
      { name: 'notServed', type: 'text', localized: true },
    ]
    const known = markInert(() => undefined)
    const hooks = { afterRead: [() => ({})], beforeOperation: [known], afterOperation: [known, () => undefined] }
    expect(unsafeListingFields({ fields: fields as never, hooks: hooks as never })).toEqual([
      'collection afterRead hook',
      'collection afterOperation hook',
      'title: localized',
      'slug: hidden',
      'price: read access',
      'year: afterRead hook',
      'location.city: localized',
    ])
  })
})

describe('dataExceptionOf', () => {
  it('finds a PostgreSQL data exception through the cause chain, nothing else', () => {
    const pg = Object.assign(new Error('invalid input value for enum enum_cars_condition: "mint"'), { code: '22P02' })
    expect(dataExceptionOf(new Error('Failed query', { cause: pg }))).toEqual({ code: '22P02', message: pg.message })
    expect(dataExceptionOf(Object.assign(new Error('deadlock detected'), { code: '40P01' }))).toBeNull()
    expect(dataExceptionOf(new Error('plain'))).toBeNull()
  })

  it('an empty NOT NULL column and a CHECK constraint refusal name the column or the rule', () => {
    const notNull = Object.assign(new Error('null value in column "price" of relation "parking_spots" violates not-null constraint'), { code: '23502', column: 'price' })
    expect(dataExceptionOf(new Error('Failed query', { cause: notNull }))).toEqual({ code: '23502', message: '"price" cannot be empty' })
    const check = Object.assign(new Error('new row violates check constraint'), { code: '23514', constraint: 'parking_bookings_server_fields_chk' })
    expect(dataExceptionOf(new Error('Failed query', { cause: check }))).toEqual({ code: '23514', message: 'the document breaks the rule "parking_bookings_server_fields_chk"' })
    const unique = Object.assign(new Error('duplicate key value violates unique constraint "makes_slug_idx"'), { code: '23505', detail: 'Key (slug)=(x) already exists.' })
    expect(dataExceptionOf(new Error('Failed query', { cause: unique }))).toEqual({ code: '23505', message: '"slug" must be unique, and the value is taken' })
    // behind a later statement of the aborted transaction (src/db/pool.ts gives it the first failure as its cause)
    const aborted = Object.assign(new Error('current transaction is aborted'), { code: '25P02', cause: unique })
    expect(dataExceptionOf(new Error('Failed query', { cause: aborted }))?.code).toBe('23505')
  })
})

describe('stillReferencedBy', () => {
  it('names the referencing table of a delete that others still need, nothing else', () => {
    const restrict = Object.assign(new Error('update or delete violates foreign key'), { code: '23503', detail: 'Key (id)=(7) is still referenced from table "orders".' })
    expect(stillReferencedBy(new Error('Failed query', { cause: restrict }))).toBe('orders')
    const setNull = Object.assign(new Error('null value in column "user_id"'), {
      code: '23502',
      where: 'SQL statement "UPDATE ONLY "public"."login_events" SET "user_id" = NULL WHERE $1 OPERATOR(pg_catalog.=) "user_id""',
    })
    expect(stillReferencedBy(new Error('Failed query', { cause: setNull }))).toBe('login_events')
    expect(stillReferencedBy(Object.assign(new Error('missing'), { code: '23503', detail: 'Key (make_id)=(9) is not present in table "makes".' }))).toBeNull()
    expect(stillReferencedBy(Object.assign(new Error('null value'), { code: '23502' }))).toBeNull()
    expect(stillReferencedBy(new Error('plain'))).toBeNull()
  })
})
