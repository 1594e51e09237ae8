/**
 * patches/drizzle-orm+0.45.2.patch: (1) drizzle's `is(value, type)` (is `value` a `type`, by instanceof or by entity kind)
 * runs for every chunk of every statement rendered, against each chunk type in turn; its verdict is now computed
 * once per (prototype of the value, type). The verdicts must be upstream's, errors included, and the copy patched
 * must be the one Payload's adapter uses (package.json pins drizzle-orm to its version, so npm keeps one copy).
 * (2) The renderer writes a statement into one result as it walks the chunks; the text, parameters and typings of
 * statements covering each of its branches must be upstream's, recorded from the unpatched files
 * (drizzle-render.expected.json, from drizzle-render.cases.ts). (3) A database or transaction object makes each
 * table's relational query builder (`db.query.<table>`) on its first use instead of all of them when it is made.
 */
import { createRequire } from 'node:module'
import path from 'node:path'

import { createTableRelationsHelpers, eq, extractTablesRelationalConfig, relations, sql } from 'drizzle-orm'
import { is, entityKind } from 'drizzle-orm/entity'
import { Column, Table } from 'drizzle-orm'
import { integer, PgColumn, PgDatabase, PgDialect, PgTable, pgTable, text } from 'drizzle-orm/pg-core'
import { Name, Param, Placeholder, SQL, StringChunk, View } from 'drizzle-orm/sql/sql'
import { describe, expect, it } from 'vitest'

import { renderCases } from './drizzle-render.cases'
import expected from './drizzle-render.expected.json'

/** drizzle-orm 0.45.2's `is`, as published. */
function upstreamIs(value: unknown, type: { new (...a: never[]): unknown; name?: string }): boolean {
  if (!value || typeof value !== 'object') return false
  if (value instanceof type) return true
  if (!Object.prototype.hasOwnProperty.call(type, entityKind))
    throw new Error(`Class "${type.name ?? '<unknown>'}" doesn't look like a Drizzle entity. If this is incorrect and the class is provided by Drizzle, please report this as a bug.`)
  let cls = Object.getPrototypeOf(value).constructor
  while (cls) {
    if (entityKind in cls && cls[entityKind] === (type as never)[entityKind]) return true
    cls = Object.getPrototypeOf(cls)
  }
  return false
}

/** The verdict, or the error's message (a type without its own entity kind throws unless instanceof holds). */
const outcome = (check: () => boolean): boolean | string => {
  try {
    return check()
  } catch (error) {
    return `throws: ${(error as Error).message}`
  }
}

const cars = pgTable('cars', { id: integer('id').primaryKey(), title: text('title') })
class Base {
  static readonly [entityKind]: string = 'TestBase'
}
class Derived extends Base {
  static override readonly [entityKind]: string = 'TestDerived'
}
class Inherits extends Base {}
/** Same kind, another class (as two copies of drizzle would have): `is` matches by kind. */
class OtherCopyOfBase {
  static readonly [entityKind]: string = 'TestBase'
}
class NotAnEntity {}

const values: [string, unknown][] = [
  ['sql', sql`select ${1}`],
  ['raw', sql.raw('x')],
  ['string chunk', new StringChunk('x')],
  ['name', sql.identifier('x')],
  ['param', new Param(1)],
  ['placeholder', sql.placeholder('p')],
  ['column', cars.id],
  ['table', cars],
  ['condition', eq(cars.id, 1)],
  ['derived', new Derived()],
  ['inherits', new Inherits()],
  ['other copy', new OtherCopyOfBase()],
  ['not an entity', new NotAnEntity()],
  ['plain object', { a: 1 }],
  ['array', [1]],
  ['null', null],
  ['number', 1],
  ['string', 'x'],
]
const types = { SQL, StringChunk, Name, Param, Placeholder, View, Table, Column, PgTable, PgColumn, Base, Derived, Inherits, OtherCopyOfBase }

describe('drizzle is() with cached verdicts', () => {
  it("answers upstream's verdict for every value and entity type, asked repeatedly", () => {
    for (let round = 0; round < 3; round++) {
      for (const [valueName, value] of values) {
        for (const [typeName, type] of Object.entries(types)) {
          expect([valueName, typeName, outcome(() => is(value, type as never))]).toEqual([valueName, typeName, outcome(() => upstreamIs(value, type as never))])
        }
      }
    }
    expect(is(new Derived(), Base)).toBe(true)
    expect(is(new Base(), Derived)).toBe(false)
    expect(is(new OtherCopyOfBase(), Base)).toBe(true)
  })

  it('decides once per (prototype, type): instanceof runs on the first question only', () => {
    let asked = 0
    class Counting {
      static readonly [entityKind]: string = 'TestCounting'
      static [Symbol.hasInstance](value: unknown): boolean {
        asked++
        return Function.prototype[Symbol.hasInstance].call(this, value)
      }
    }
    for (let i = 0; i < 5; i++) expect(is(new Base(), Counting as never)).toBe(false)
    for (let i = 0; i < 5; i++) expect(is(new Counting(), Counting as never)).toBe(true)
    expect(asked).toBe(2)
  })

  it('still throws for a type that is not a drizzle entity, every time, and answers instanceof first', () => {
    for (let round = 0; round < 2; round++) expect(() => is(new Base(), NotAnEntity as never)).toThrow('Class "NotAnEntity" doesn\'t look like a Drizzle entity')
    expect(is(new NotAnEntity(), NotAnEntity as never)).toBe(true)
    expect(() => upstreamIs(Object.create(null), Base as never)).toThrow(TypeError)
    expect(() => is(Object.create(null), Base as never)).toThrow(TypeError)
  })

  it('renders statements as before', () => {
    const dialect = new PgDialect()
    const query = dialect.sqlToQuery(sql`select ${cars.title} from ${cars} where ${eq(cars.id, 7)} and ${sql.identifier('x')} = ${'y'}`)
    expect(query).toEqual({ sql: 'select "cars"."title" from "cars" where "cars"."id" = $1 and "x" = $2', params: [7, 'y'], typings: ['none', 'none'] })
  })

  it("is the copy Payload's drizzle adapter loads (one drizzle-orm in node_modules)", () => {
    const resolveFrom = (dir: string) => createRequire(path.join(dir, 'index.js')).resolve('drizzle-orm')
    const ours = resolveFrom(process.cwd())
    expect(ours).toBe(path.join(process.cwd(), 'node_modules/drizzle-orm/index.cjs'))
    for (const pkg of ['@payloadcms/drizzle', '@payloadcms/db-postgres']) expect(resolveFrom(path.join(process.cwd(), 'node_modules', pkg))).toBe(ours)
  })
})

describe('drizzle statement rendering (one result written as the chunks are walked)', () => {
  it('renders every branch as upstream did: text, parameters, typings', () => {
    expect(JSON.parse(JSON.stringify(renderCases()))).toEqual(expected)
  })
})

describe('relational query builders made on first use', () => {
  const makes = pgTable('makes', { id: integer('id').primaryKey(), name: text('name') })
  const models = pgTable('models', { id: integer('id').primaryKey(), name: text('name'), makeId: integer('make_id') })
  const makesRelations = relations(makes, ({ many }) => ({ models: many(models) }))
  const modelsRelations = relations(models, ({ one }) => ({ make: one(makes, { fields: [models.makeId], references: [makes.id] }) }))

  /** A database object over the schema, counting how many tables' builders read their table from the full schema. */
  function database() {
    const fullSchema = { makes, models, makesRelations, modelsRelations }
    const config = extractTablesRelationalConfig(fullSchema, createTableRelationsHelpers)
    const reads: string[] = []
    const counted = new Proxy(fullSchema, { get: (target, key) => (reads.push(String(key)), Reflect.get(target, key)) })
    const db = new PgDatabase(new PgDialect(), {} as never, { schema: config.tables, fullSchema: counted, tableNamesMap: config.tableNamesMap } as never)
    return { db: db as unknown as { query: Record<string, { findMany(a?: unknown): { toSQL(): { sql: string } } }> }, reads }
  }

  it('makes none when the object is made, then one per table asked for, kept', () => {
    const { db, reads } = database()
    expect(reads).toEqual([])
    const builder = db.query.models
    expect(reads).toEqual(['models'])
    expect(db.query.models).toBe(builder)
    expect(reads).toEqual(['models'])
  })

  it('answers like a plain object of every table: keys, `in`, descriptors, an unknown table', () => {
    const { db } = database()
    expect(Object.keys(db.query).sort()).toEqual(['makes', 'models'])
    expect('makes' in db.query).toBe(true)
    expect('nope' in db.query).toBe(false)
    expect(db.query.nope).toBeUndefined()
    expect(Object.getOwnPropertyDescriptor(db.query, 'makes')?.value).toBe(db.query.makes)
    expect({ ...db.query }.models).toBe(db.query.models)
  })

  it('builds the same statements, relations included', () => {
    const { db } = database()
    expect(db.query.models.findMany({ columns: { name: true }, with: { make: { columns: { name: true } } } }).toSQL().sql).toBe(
      'select "models"."name", "models_make"."data" as "make" from "models" "models" left join lateral (select json_build_array("models_make"."name") as "data" from (select * from "makes" "models_make" where "models_make"."id" = "models"."make_id" limit $1) "models_make") "models_make" on true',
    )
  })
})
