/** Statements covering every branch of drizzle's renderer (tests/unit/platform/drizzle-entity.test.ts). */
import { and, eq, gt, inArray, or, sql, type SQL } from 'drizzle-orm'
import { integer, jsonb, numeric, pgEnum, pgSchema, pgTable, pgView, PgDialect, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { drizzle } from 'drizzle-orm/node-postgres'

export function renderCases(): { name: string; query: unknown }[] {
  const status = pgEnum('status', ['active', 'sold'])
  const cars = pgTable('cars', {
    id: integer('id').primaryKey(),
    title: text('title'),
    meta: jsonb('meta'),
    price: numeric('price'),
    at: timestamp('created_at'),
    ref: uuid('ref'),
    status: status('status'),
  })
  const other = pgSchema('other')
  const makes = other.table('makes', { id: integer('id'), name: text('name') })
  const active = pgView('active_cars').as((qb) => qb.select({ id: cars.id }).from(cars).where(eq(cars.status, 'active')))
  const db = drizzle.mock()
  const dialect = new PgDialect()
  const sub = db.select({ id: cars.id }).from(cars).where(gt(cars.price, '10')).as('sub')
  const withSub = db.$with('w').as(db.select({ id: makes.id }).from(makes))
  const statements: [string, SQL, string?][] = [
    ['strings, names, params', sql`select ${sql.identifier('a')}, ${1}, ${'x'}, ${null} from ${cars} where ${cars.id} = ${7}`],
    ['an array of values and an undefined chunk', sql`select * from t where id in ${[1, 2, 3]} ${undefined}`],
    ['nested conditions', and(inArray(cars.id, [1, 2]), or(eq(cars.title, 'a'), gt(cars.price, '5')), eq(cars.status, 'sold'))!],
    ['typed parameters', sql`${eq(cars.meta, { a: 1 })} ${eq(cars.at, new Date(0))} ${eq(cars.ref, '00000000-0000-0000-0000-000000000000')} ${eq(cars.price, '1.5')}`],
    ['inlined parameters', sql`select ${1}, ${"it's"}, ${true}, ${null}, ${{ a: 1 }}, ${sql`${2}`}`.inlineParams()],
    ['an inlined nested statement', sql`select ${3}, ${sql`${4}, ${'y'}`.inlineParams()}, ${5}`],
    ['placeholders', sql`select ${sql.placeholder('p')} where x = ${sql.param(sql.placeholder('q'))}`],
    ['a table and column in another schema, an alias', sql`select ${makes.name} from ${makes}`],
    ['a view', sql`select * from ${active}`],
    [
      'an aliased field and a subquery',
      db
        .select({ n: sql<number>`count(*)`.as('n'), id: sub.id })
        .from(sub)
        .getSQL(),
    ],
    ['a with subquery', db.with(withSub).select().from(withSub).getSQL()],
    ['an enum and a query builder as a chunk', sql`select ${status}, ${db.select({ id: cars.id }).from(cars).where(eq(cars.id, 1))}`],
    [
      'a select with joins, order and limit',
      db
        .select({ id: cars.id, make: makes.name })
        .from(cars)
        .leftJoin(makes, eq(makes.id, cars.id))
        .where(and(eq(cars.id, 1), inArray(makes.name, ['a', 'b'])))
        .orderBy(cars.id)
        .limit(5)
        .offset(10)
        .getSQL(),
    ],
    ['columns in an index', sql`${cars.id}, ${cars.title}`, 'indexes'],
  ]
  return statements.map(([name, statement, invokeSource]) => ({ name, query: dialect.sqlToQuery(statement, invokeSource as never) }))
}
