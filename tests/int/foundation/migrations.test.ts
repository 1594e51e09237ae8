/**
 * Production applies Payload migrations (src/migrations, `prodMigrations`), while every other test runs on a
 * schema-PUSHED database: nothing else exercises the migrations' SQL. Here each case gets its own EMPTY database
 * on the test cluster and runs the migrations' `up`/`down` the way Payload does — each inside one transaction,
 * with a Drizzle (node-postgres) instance as `db` — then checks the schema and the data they leave behind.
 *
 * 20261130_214621_security_surface: the `verification-documents` upload collection replaces media for dealer /
 * expert verification documents (old media references cannot be kept), and the cars `status` value `pending` is
 * split: published + an accepted negotiation → `sale_pending`, any other `pending` → `pending_review`.
 */
import { createRequire } from 'node:module'

import pg from 'pg'
import { afterAll, describe, expect, inject, it } from 'vitest'

import { migrations } from '../../../src/migrations'
import * as initial from '../../../src/migrations/20261122_040210_initial'
import * as securitySurface from '../../../src/migrations/20261130_214621_security_surface'
import * as databaseExtras from '../../../src/migrations/20261201_033000_database_extras'
import * as searchDocuments from '../../../src/migrations/20261201_050000_search_documents'
import * as issues18to21 from '../../../src/migrations/20261201_073657_issues_18_to_21'
import * as stripePluginPlans from '../../../src/migrations/20261201_092911_stripe_plugin_plans'
import * as analyticsCounters from '../../../src/migrations/20261201_110000_analytics_counters'
import * as loyaltyBookingAlerts from '../../../src/migrations/20261201_111254_loyalty_booking_alerts'
import * as searchIndexTuning from '../../../src/migrations/20261201_170000_search_index_tuning'
import * as cartsWithoutEditLocks from '../../../src/migrations/20261204_003408_carts_without_edit_locks'
import * as notificationEmailRetries from '../../../src/migrations/20261205_053747_notification_email_retries'
import * as suggestionTitleIndex from '../../../src/migrations/20261205_080000_suggestion_title_index'
import * as sqlRefusals from '../../../src/migrations/20261206_120000_sql_refusals'
import { SQL_MIGRATION_STATEMENTS, SQL_MIGRATION_TABLES, withoutSupersededIndexes } from '../../../src/db/sql-migrations'

// drizzle-orm is a dependency of @payloadcms/db-postgres (not of the project): resolve it from there, so `db` is
// the same kind of object Payload hands to a migration.
const requireFromAdapter = createRequire(createRequire(import.meta.url).resolve('@payloadcms/db-postgres'))
const { drizzle } = requireFromAdapter('drizzle-orm/node-postgres') as {
  drizzle: (pool: pg.Pool) => { transaction: <T>(fn: (tx: unknown) => Promise<T>) => Promise<T> }
}

type Migration = { up: (args: never) => Promise<void>; down: (args: never) => Promise<void> }

interface FreshDb {
  name: string
  query: <R extends Record<string, unknown> = Record<string, unknown>>(text: string, values?: unknown[]) => Promise<R[]>
  /** Runs one migration direction in a transaction, as Payload's migrate / migrate:down do. */
  run: (migration: Migration, direction: 'up' | 'down') => Promise<void>
  /** Runs statements one by one in a transaction (as applyDatabaseExtras does at init). */
  exec: (statements: string[]) => Promise<void>
}

const adminUrl = inject('pgAdminUrl')
const created: { name: string; pool: pg.Pool }[] = []

/** A fresh database with every migration listed before `next` applied in order: the schema `next` runs on. */
async function freshDbBefore(next: Migration): Promise<FreshDb> {
  const index = migrations.findIndex((m) => m.up === next.up)
  if (index < 0) throw new Error('freshDbBefore: not a listed migration')
  const db = await freshDb()
  for (const m of migrations.slice(0, index)) await db.run(m as Migration, 'up')
  return db
}

async function freshDb(): Promise<FreshDb> {
  const name = `mig_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 6)}`
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  try {
    await admin.query(`create database "${name}"`)
  } finally {
    await admin.end()
  }
  const pool = new pg.Pool({ connectionString: `${inject('pgUrlPrefix')}${name}`, max: 2 })
  pool.on('error', () => {}) // idle connections terminated by the final `drop database … with (force)`
  created.push({ name, pool })
  const db = drizzle(pool)
  return {
    name,
    query: async (text, values) => (await pool.query(text, values)).rows,
    run: async (migration, direction) => {
      await db.transaction(async (tx) => {
        await migration[direction]({ db: tx, payload: {}, req: {} } as never)
      })
    },
    exec: async (statements) => {
      const client = await pool.connect()
      try {
        await client.query('begin')
        for (const statement of statements) {
          try {
            await client.query(statement)
          } catch (err) {
            throw new Error(`${(err as Error).message}\n  in: ${statement}`)
          }
        }
        await client.query('commit')
      } catch (err) {
        await client.query('rollback')
        throw err
      } finally {
        client.release()
      }
    },
  }
}

afterAll(async () => {
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  try {
    for (const { name, pool } of created) {
      await pool.end().catch(() => {})
      await admin.query(`drop database if exists "${name}" with (force)`).catch(() => {})
    }
  } finally {
    await admin.end()
  }
})

const enumValues = async (db: FreshDb, type: string) =>
  (
    await db.query<{ v: string }>(
      `select e.enumlabel as v from pg_enum e join pg_type t on t.oid = e.enumtypid
       join pg_namespace n on n.oid = t.typnamespace where n.nspname = 'public' and t.typname = $1 order by e.enumsortorder`,
      [type],
    )
  ).map((r) => r.v)

const tableExists = async (db: FreshDb, table: string) => (await db.query(`select 1 from information_schema.tables where table_schema = 'public' and table_name = $1`, [table])).length === 1

/** Foreign keys on table.column → referenced table. */
const foreignKeys = async (db: FreshDb, table: string, column: string) =>
  (
    await db.query<{ name: string; ref: string }>(
      `select c.conname as name, c.confrelid::regclass::text as ref
       from pg_constraint c join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any (c.conkey)
       where c.contype = 'f' and c.conrelid = $1::regclass and a.attname = $2 order by c.conname`,
      [`public.${table}`, column],
    )
  ).map((r) => `${r.name} -> ${r.ref}`)

const OLD_CAR_STATUSES = ['draft', 'pending', 'active', 'sold', 'archived']
const NEW_CAR_STATUSES = ['draft', 'pending_review', 'active', 'sale_pending', 'sold', 'archived']

/**
 * Minimal rows on the schema of the initial migration: car A `pending`, published, with an accepted negotiation;
 * B `pending`, never published (an accepted negotiation all the same); C `pending`, published, only a rejected negotiation; D `active` (with an accepted
 * one too); a dealer whose verification document points at a media row; an expert verification with a media
 * document. Returns the ids.
 */
async function seedOldData(db: FreshDb) {
  const one = async (text: string, values?: unknown[]) => (await db.query<{ id: number }>(text, values))[0].id
  const seller = await one(`insert into users (email) values ('seller@example.test') returning id`)
  const buyer = await one(`insert into users (email) values ('buyer@example.test') returning id`)
  const make = await one(`insert into makes (name) values ('Make') returning id`)
  const model = await one(`insert into models (name, make_id) values ('Model', $1) returning id`, [make])
  const car = (title: string, status: string, published: boolean) =>
    one(
      `insert into cars (title, make_id, model_id, year, price, status, published_at, seller_id)
       values ($1, $2, $3, 2020, 10000, $4, ${published ? 'now()' : 'null'}, $5) returning id`,
      [title, make, model, status, seller],
    )
  const A = await car('A', 'pending', true)
  const B = await car('B', 'pending', false)
  const C = await car('C', 'pending', true)
  const D = await car('D', 'active', true)
  const negotiation = (carId: number, status: string) =>
    db.query(
      `insert into negotiations (car_id, buyer_id, seller_id, status, current_amount, expires_at)
       values ($1, $2, $3, $4, 9000, now() + interval '1 day')`,
      [carId, buyer, seller, status],
    )
  await negotiation(A, 'accepted')
  await negotiation(B, 'accepted') // accepted, but never published: still awaiting review
  await negotiation(C, 'rejected')
  await negotiation(D, 'accepted')
  const media = await one(`insert into media (filename) values ('license.pdf') returning id`)
  const dealer = await one(`insert into dealers (name, owner_id) values ('Dealer', $1) returning id`, [seller])
  await db.query(`insert into dealers_documents (_order, _parent_id, id, file_id, type) values (1, $1, 'doc-1', $2, 'business_license')`, [dealer, media])
  const expert = await one(`insert into expert_verifications (user_id, years_of_experience) values ($1, 5) returning id`, [seller])
  await db.query(`insert into expert_verifications_rels ("order", parent_id, path, media_id) values (1, $1, 'documents', $2)`, [expert, media])
  return { A, B, C, D, media, dealer, expert }
}

const statuses = async (db: FreshDb, ids: Record<string, number>) => {
  const rows = await db.query<{ id: number; status: string }>(`select id, status::text as status from cars`)
  const byId = new Map(rows.map((r) => [r.id, r.status]))
  return Object.fromEntries(Object.entries(ids).map(([k, id]) => [k, byId.get(id)]))
}

describe('production migrations (src/migrations)', () => {
  it('lists the initial, the security-surface, the database-extras, the search-documents, the issues 18–21, the plugin-stripe plans, the loyalty, the trigram-cost, the carts-without-edit-locks, the notification-email-retries, the suggestion-title-index and the SQL-refusals migrations, in order', () => {
    expect(migrations.map((m) => m.name)).toEqual([
      '20261122_040210_initial',
      '20261130_214621_security_surface',
      '20261201_033000_database_extras',
      '20261201_050000_search_documents',
      '20261201_073657_issues_18_to_21',
      '20261201_092911_stripe_plugin_plans',
      '20261201_110000_analytics_counters',
      '20261201_111254_loyalty_booking_alerts',
      '20261201_170000_search_index_tuning',
      '20261204_003408_carts_without_edit_locks',
      '20261205_053747_notification_email_retries',
      '20261205_080000_suggestion_title_index',
      '20261206_120000_sql_refusals',
    ])
    expect(migrations[12].up).toBe(sqlRefusals.up)
    expect(migrations[12].down).toBe(sqlRefusals.down)
    expect(migrations[11].up).toBe(suggestionTitleIndex.up)
    expect(migrations[11].down).toBe(suggestionTitleIndex.down)
    expect(migrations[10].up).toBe(notificationEmailRetries.up)
    expect(migrations[10].down).toBe(notificationEmailRetries.down)
    expect(migrations[9].up).toBe(cartsWithoutEditLocks.up)
    expect(migrations[9].down).toBe(cartsWithoutEditLocks.down)
    expect(migrations[8].up).toBe(searchIndexTuning.up)
    expect(migrations[8].down).toBe(searchIndexTuning.down)
    expect(migrations[6].up).toBe(analyticsCounters.up)
    expect(migrations[6].down).toBe(analyticsCounters.down)
    expect(migrations[5].up).toBe(stripePluginPlans.up)
    expect(migrations[7].up).toBe(loyaltyBookingAlerts.up)
    expect(migrations[7].down).toBe(loyaltyBookingAlerts.down)
    expect(migrations[4].up).toBe(issues18to21.up)
    expect(migrations[4].down).toBe(issues18to21.down)
    expect(migrations[2].up).toBe(databaseExtras.up)
    expect(migrations[2].down).toBe(databaseExtras.down)
    expect(migrations[3].up).toBe(searchDocuments.up)
    expect(migrations[3].down).toBe(searchDocuments.down)
    // push mode applies the same statements, extras first (without the indexes a later one drops: their builds are the
    // two title-only prefix indexes the suggestions' index replaced), and keeps the dev push off the migrations' tables
    const history = [
      ...databaseExtras.statements,
      ...searchDocuments.statements,
      ...analyticsCounters.statements,
      ...searchIndexTuning.statements,
      ...suggestionTitleIndex.statements,
      ...sqlRefusals.statements,
    ]
    expect(SQL_MIGRATION_STATEMENTS).toEqual(withoutSupersededIndexes(history))
    expect(history.filter((s) => !SQL_MIGRATION_STATEMENTS.includes(s))).toEqual(
      Object.values(suggestionTitleIndex.TITLE_PREFIX_INDEXES).map(({ replaces }) => expect.stringMatching(new RegExp(`^create index if not exists ${replaces} on `))),
    )
    expect(SQL_MIGRATION_TABLES).toEqual([
      ...databaseExtras.tables,
      ...searchDocuments.tables,
      ...analyticsCounters.tables,
      ...searchIndexTuning.tables,
      ...suggestionTitleIndex.tables,
      ...sqlRefusals.tables,
    ])
    expect(migrations[0].up).toBe(initial.up)
    expect(migrations[1].up).toBe(securitySurface.up)
    expect(migrations[1].down).toBe(securitySurface.down)
  })

  it('apply in order on an empty database: new cars status enum, verification_documents with its foreign keys', async () => {
    const db = await freshDb()
    await db.run(initial, 'up')
    expect(await enumValues(db, 'enum_cars_status')).toEqual(OLD_CAR_STATUSES)
    await db.run(securitySurface, 'up')

    expect(await enumValues(db, 'enum_cars_status')).toEqual(NEW_CAR_STATUSES)
    expect((await db.query(`select column_default as d from information_schema.columns where table_name = 'cars' and column_name = 'status'`))[0].d).toMatch(/^'draft'::/)
    expect(await tableExists(db, 'verification_documents')).toBe(true)
    expect(await foreignKeys(db, 'dealers_documents', 'file_id')).toEqual(['dealers_documents_file_id_verification_documents_id_fk -> verification_documents'])
    expect(await foreignKeys(db, 'expert_verifications_rels', 'verification_documents_id')).toEqual(['expert_verifications_rels_verification_documents_fk -> verification_documents'])
    expect(await foreignKeys(db, 'payload_locked_documents_rels', 'verification_documents_id')).toEqual(['payload_locked_documents_rels_verification_documents_fk -> verification_documents'])
    // Nothing left pointing verification documents at the public media collection.
    const mediaColumn = await db.query(`select 1 from information_schema.columns where table_name = 'expert_verifications_rels' and column_name = 'media_id'`)
    expect(mediaColumn).toEqual([])
    expect(await foreignKeys(db, 'dealers_documents', 'file_id')).not.toContainEqual(expect.stringContaining('-> media'))
  })

  it('maps existing data: pending → sale_pending / pending_review; media references to verification documents are removed', async () => {
    const db = await freshDb()
    await db.run(initial, 'up')
    const ids = await seedOldData(db)
    expect(await statuses(db, { A: ids.A, B: ids.B, C: ids.C, D: ids.D })).toEqual({ A: 'pending', B: 'pending', C: 'pending', D: 'active' })

    await db.run(securitySurface, 'up')

    expect(await statuses(db, { A: ids.A, B: ids.B, C: ids.C, D: ids.D })).toEqual({
      A: 'sale_pending',
      B: 'pending_review',
      C: 'pending_review',
      D: 'active',
    })
    // The dealer's document pointed at a (public) media file: no reference to it survives.
    const docs = await db.query<{ file_id: number | null }>(`select file_id from dealers_documents where _parent_id = $1`, [ids.dealer])
    expect(docs.filter((d) => d.file_id !== null)).toEqual([])
    expect(await db.query(`select 1 from expert_verifications_rels where parent_id = $1`, [ids.expert])).toEqual([])
    // The media row itself and the rest of the data are untouched.
    expect(await db.query(`select id from media`)).toEqual([{ id: ids.media }])
    expect((await db.query(`select count(*)::int as n from negotiations`))[0].n).toBe(4)
  })

  it('down restores the old enum (pending_review / sale_pending → pending), and up applies again', async () => {
    const db = await freshDb()
    await db.run(initial, 'up')
    const ids = await seedOldData(db)
    await db.run(securitySurface, 'up')
    // A document uploaded to verification-documents after the upgrade.
    const vd = (await db.query<{ id: number }>(`insert into verification_documents (filename, owner_id) values ('new.pdf', (select id from users limit 1)) returning id`))[0].id
    await db.query(`insert into dealers_documents (_order, _parent_id, id, file_id) values (2, $1, 'doc-2', $2)`, [ids.dealer, vd])

    await db.run(securitySurface, 'down')

    expect(await enumValues(db, 'enum_cars_status')).toEqual(OLD_CAR_STATUSES)
    expect(await statuses(db, { A: ids.A, B: ids.B, C: ids.C, D: ids.D })).toEqual({ A: 'pending', B: 'pending', C: 'pending', D: 'active' })
    expect(await tableExists(db, 'verification_documents')).toBe(false)
    expect(await enumValues(db, 'enum_verification_documents_document_type')).toEqual([])
    expect(await foreignKeys(db, 'dealers_documents', 'file_id')).toEqual(['dealers_documents_file_id_media_id_fk -> media'])
    expect(await foreignKeys(db, 'expert_verifications_rels', 'media_id')).toEqual(['expert_verifications_rels_media_fk -> media'])
    // No dealer document left pointing a verification-documents id at an unrelated media row.
    expect((await db.query<{ file_id: number | null }>(`select file_id from dealers_documents`)).filter((d) => d.file_id !== null)).toEqual([])

    // Round trip: up again on the downgraded database.
    await db.run(securitySurface, 'up')
    expect(await enumValues(db, 'enum_cars_status')).toEqual(NEW_CAR_STATUSES)
    expect(await statuses(db, { A: ids.A, B: ids.B, C: ids.C, D: ids.D })).toEqual({
      A: 'sale_pending',
      B: 'pending_review',
      C: 'pending_review',
      D: 'active',
    })
    expect(await tableExists(db, 'verification_documents')).toBe(true)
  })

  it('applies on a database the platform has run on: the previous release’s database extras are present', async () => {
    // Production runs the migrations at init on a database that already holds the extras (partial indexes on
    // cars.status among them) of the release before; the extras of this release are applied right after.
    const current = databaseExtras.statements
    const previous = current.map((statement) =>
      statement
        .replace(/cars_pending_review_idx on cars \(created_at\) where status = 'pending_review'/, "cars_pending_idx on cars (created_at) where status = 'pending'")
        .replace(/where status in \('active', 'sale_pending', 'sold'\)/, "where status in ('active', 'sold')"),
    )
    expect(previous.filter((st) => /pending_review|sale_pending/.test(st))).toEqual([]) // the emulation is complete
    const db = await freshDb()
    await db.run(initial, 'up')
    await db.exec(previous)
    const ids = await seedOldData(db)

    await db.run(securitySurface, 'up')
    expect(await statuses(db, { A: ids.A, B: ids.B, C: ids.C, D: ids.D })).toEqual({ A: 'sale_pending', B: 'pending_review', C: 'pending_review', D: 'active' })
    await db.run(databaseExtras, 'up')
    const partial = await db.query<{ indexname: string }>(`select indexname from pg_indexes where tablename = 'cars' and indexdef like '%WHERE%' order by 1`)
    expect(partial.map((r) => r.indexname)).toEqual(expect.arrayContaining(['cars_active_created_idx', 'cars_pending_review_idx', 'cars_public_make_created_idx', 'cars_title_prefix_idx']))

    // Rolling back to the previous release: down, then that release's extras (applied at its start).
    await db.run(databaseExtras, 'down')
    await db.run(securitySurface, 'down')
    expect(await statuses(db, { A: ids.A, B: ids.B, C: ids.C, D: ids.D })).toEqual({ A: 'pending', B: 'pending', C: 'pending', D: 'active' })
    await db.exec(previous)
  })

  it('carts without edit locks: up removes the locks held on carts and their column; down adds the column back', async () => {
    const db = await freshDbBefore(cartsWithoutEditLocks)
    const columns = async () => (await db.query(`select column_name from information_schema.columns where table_name = 'payload_locked_documents_rels' and column_name = 'carts_id'`)).length
    const [cart] = await db.query<{ id: number }>(`insert into carts default values returning id`)
    const [onCart, other] = await db.query<{ id: number }>(`insert into payload_locked_documents (global_slug) values (null), ('platform-settings') returning id`)
    await db.query(`insert into payload_locked_documents_rels ("order", parent_id, path, carts_id) values (1, $1, 'document', $2)`, [onCart.id, cart.id])
    expect(await columns()).toBe(1)
    await db.run(cartsWithoutEditLocks, 'up')
    expect(await columns()).toBe(0)
    expect(await db.query(`select id from payload_locked_documents order by id`)).toEqual([{ id: other.id }])
    await db.run(cartsWithoutEditLocks, 'down')
    expect(await columns()).toBe(1)
    expect(await foreignKeys(db, 'payload_locked_documents_rels', 'carts_id')).toEqual(['payload_locked_documents_rels_carts_fk -> carts'])
  })

  it('notification email retries: up adds the attempts (0 on existing notifications) and the next attempt; down removes them', async () => {
    const db = await freshDbBefore(notificationEmailRetries)
    const columns = async () =>
      (
        await db.query<{ column_name: string }>(
          `select column_name from information_schema.columns where table_name = 'notifications' and column_name in ('email_attempts', 'email_next_attempt_at', 'email_status') order by column_name`,
        )
      ).map((c) => c.column_name)
    const [user] = await db.query<{ id: number }>(`insert into users (email) values ('retry@example.test') returning id`)
    const [sent] = await db.query<{ id: number }>(`insert into notifications (user_id, type, email_status) values ($1, 'listing_update', 'sending') returning id`, [user.id])
    expect(await columns()).toEqual(['email_status'])
    await db.run(notificationEmailRetries, 'up')
    expect(await columns()).toEqual(['email_attempts', 'email_next_attempt_at', 'email_status'])
    expect(await db.query(`select email_attempts::int as attempts, email_next_attempt_at as next from notifications where id = $1`, [sent.id])).toEqual([{ attempts: 0, next: null }])
    await db.run(notificationEmailRetries, 'down')
    expect(await columns()).toEqual(['email_status'])
  })

  it('suggestion title index: up replaces the title prefix indexes of the stored documents with (title, id desc) ones; down restores them; up again', async () => {
    const db = await freshDbBefore(suggestionTitleIndex)
    const prefixIndexes = async () =>
      (
        await db.query<{ indexdef: string }>(`select indexdef from pg_indexes where tablename in ('car_search_docs', 'part_search_docs') and indexdef like '%text_pattern_ops%' order by indexname`)
      ).map((r) => r.indexdef.replace(/ ON public\./, ' ON ').replace(/ USING btree/, ''))
    const before = [
      `CREATE INDEX car_search_docs_title_prefix_idx ON car_search_docs (title_norm text_pattern_ops) WHERE (status = 'active'::text)`,
      `CREATE INDEX part_search_docs_title_prefix_idx ON part_search_docs (title_norm text_pattern_ops) WHERE (status = 'active'::text)`,
    ]
    expect(await prefixIndexes()).toEqual(before)
    const after = [
      `CREATE INDEX car_search_docs_title_prefix_id_idx ON car_search_docs (title_norm text_pattern_ops, car_id DESC) WHERE (status = 'active'::text)`,
      `CREATE INDEX part_search_docs_title_prefix_id_idx ON part_search_docs (title_norm text_pattern_ops, part_id DESC) WHERE (status = 'active'::text)`,
    ]
    await db.run(suggestionTitleIndex, 'up')
    expect(await prefixIndexes()).toEqual(after)
    await db.run(suggestionTitleIndex, 'up') // idempotent: push mode re-applies it at every start
    expect(await prefixIndexes()).toEqual(after)
    await db.run(suggestionTitleIndex, 'down')
    expect(await prefixIndexes()).toEqual(before)
    await db.run(suggestionTitleIndex, 'up')
    expect(await prefixIndexes()).toEqual(after)
  })

  it('SQL refusals: up makes autohub_refuse fail a statement with SQLSTATE AH409, its refusal and facts; idempotent; down drops it', async () => {
    const db = await freshDbBefore(sqlRefusals)
    const refuse = () => db.query(`select autohub_refuse('Not enough stock.', '{"part":1}')`)
    await expect(refuse()).rejects.toMatchObject({ code: '42883' }) // no such function yet
    await db.run(sqlRefusals, 'up')
    await db.run(sqlRefusals, 'up') // idempotent: push mode re-applies it at every start
    await expect(refuse()).rejects.toMatchObject({ code: sqlRefusals.REFUSAL_SQLSTATE, message: 'Not enough stock.', detail: '{"part":1}' })
    // only when reached: a statement that does not call it stands
    expect(await db.query(`select case when 1 = 1 then true else autohub_refuse('never', null) end as ok`)).toEqual([{ ok: true }])
    await db.run(sqlRefusals, 'down')
    await expect(refuse()).rejects.toMatchObject({ code: '42883' })
  })

  it('down then initial down leaves an empty public schema', async () => {
    const db = await freshDb()
    await db.run(initial, 'up')
    await db.run(securitySurface, 'up')
    await db.run(databaseExtras, 'up')
    expect(await tableExists(db, 'commerce_order_counters')).toBe(true)
    await db.run(databaseExtras, 'down')
    expect(await tableExists(db, 'commerce_order_counters')).toBe(false)
    await db.run(securitySurface, 'down')
    await db.run(initial, 'down')
    expect(await db.query(`select table_name from information_schema.tables where table_schema = 'public'`)).toEqual([])
  })
  it('search documents: up backfills existing cars and parts, the triggers keep them current, down removes them, up again', async () => {
    const db = await freshDb()
    await db.run(initial, 'up')
    await db.run(securitySurface, 'up')
    await db.run(databaseExtras, 'up')
    const one = async (text: string, values?: unknown[]) => (await db.query<{ id: number }>(text, values))[0].id
    const seller = await one(`insert into users (email) values ('seller@example.test') returning id`)
    const make = await one(`insert into makes (name) values ('Toyota') returning id`)
    const model = await one(`insert into models (name, make_id) values ('Camry', $1) returning id`, [make])
    const car = await one(
      `insert into cars (title, description, make_id, model_id, year, price, status, published_at, seller_id)
       values ('Clean sedan', 'One owner', $1, $2, 2020, 10000, 'active', now(), $3) returning id`,
      [make, model, seller],
    )
    const brand = await one(`insert into part_brands (name) values ('Bosch') returning id`)
    const part = await one(`insert into parts (title, sku, price, stock_quantity, status, brand_id, seller_id) values ('Brake pad', 'BP-1', 10, 3, 'active', $1, $2) returning id`, [brand, seller])

    await db.run(searchDocuments, 'up')
    const carDoc = async () => (await db.query<{ status: string; title_norm: string; doc: string }>(`select status, title_norm, doc::text as doc from car_search_docs where car_id = $1`, [car]))[0]
    // title A, description C, then make and model B (the positions of the query-time concatenation)
    expect(await carDoc()).toEqual({ status: 'active', title_norm: 'clean sedan', doc: "'camry':6B 'clean':1A 'one':3C 'owner':4C 'sedan':2A 'toyota':5B" })
    const [partDoc] = await db.query<{ part_id: number; doc: string; hit: boolean }>(
      `select part_id, doc::text as doc, doc @@ to_tsquery('simple', 'bosch & brake & pad') as hit from part_search_docs`,
    )
    expect(partDoc).toMatchObject({ part_id: part, hit: true })
    expect(partDoc.doc).toMatch(/'bosch':\d+B/)
    expect(partDoc.doc).toMatch(/'brake':1A/)

    // triggers: an update of a searched column, a rename of the make, a delete
    await db.query(`update cars set title = 'Clean hybrid', status = 'sold' where id = $1`, [car])
    await db.query(`update makes set name = 'Toyota Motor' where id = $1`, [make])
    expect(await carDoc()).toMatchObject({ status: 'sold', title_norm: 'clean hybrid' })
    expect((await carDoc()).doc).toMatch(/'motor':\d+B/)
    await db.query(`delete from parts where id = $1`, [part])
    expect(await db.query(`select part_id from part_search_docs`)).toEqual([])

    // applying the statements again (push mode re-applies them at every start) changes nothing
    await db.exec(searchDocuments.statements)
    expect(await db.query(`select count(*)::int as n from car_search_docs`)).toEqual([{ n: 1 }])

    await db.run(searchDocuments, 'down')
    expect(await tableExists(db, 'car_search_docs')).toBe(false)
    expect(await tableExists(db, 'part_search_docs')).toBe(false)
    expect(await db.query(`select tgname from pg_trigger where tgname like '%search_docs%'`)).toEqual([])
    // writes work without the triggers, and up backfills again
    await db.query(`update cars set title = 'Clean wagon' where id = $1`, [car])
    await db.run(searchDocuments, 'up')
    expect(await carDoc()).toMatchObject({ status: 'sold', title_norm: 'clean wagon' })
  })

  it('issues 18–21 (payments, analytics, field work, identity): up after the rest adds their tables, enum values and the daily-history key; down restores the previous schema; up again; then plugin-stripe plans, the analytics counters, loyalty and the trigram costs', async () => {
    const db = await freshDb()
    for (const m of [initial, securitySurface, databaseExtras, searchDocuments]) await db.run(m, 'up')
    const tables = [
      'audit_log',
      'listing_daily_stats',
      'loyalty_ledger',
      'achievements',
      'push_subscriptions',
      'notification_deliveries',
      'notification_templates',
      'phone_verifications',
      'inventory_imports',
      'service_bookings_milestones',
      'service_bookings_interactions',
      'users_identities',
    ]
    const present = async () => Promise.all(tables.map((t) => tableExists(db, t)))
    expect(await present()).toEqual(tables.map(() => false))

    await db.run(issues18to21, 'up')
    expect(await present()).toEqual(tables.map(() => true))
    expect(await enumValues(db, 'enum_subscriptions_status')).toEqual(['pending_payment', 'active', 'past_due', 'cancelled', 'expired'])
    expect(await enumValues(db, 'enum_service_bookings_payment_status')).toEqual(['pending', 'paid', 'partially_refunded', 'refunded', 'failed'])
    // one history row per listing and day (the hooks' upsert relies on it)
    const [{ indexdef }] = await db.query<{ indexdef: string }>(`select indexdef from pg_indexes where indexname = 'car_day_idx'`)
    expect(indexdef).toMatch(/UNIQUE INDEX car_day_idx ON public\.listing_daily_stats USING btree \(car_id, day\)/)

    await db.run(issues18to21, 'down')
    expect(await present()).toEqual(tables.map(() => false))
    expect(await enumValues(db, 'enum_subscriptions_status')).toEqual(['pending_payment', 'active', 'cancelled', 'expired'])
    await db.run(issues18to21, 'up')
    expect(await present()).toEqual(tables.map(() => true))

    // plugin-stripe: the plan's Stripe product id keeps its value under the plugin's column name
    await db.query(`insert into plans (name, slug, price, currency, billing_period, stripe_product_id) values ('Pro', 'pro', 29.99, 'USD', 'monthly', 'prod_kept')`)
    await db.run(stripePluginPlans, 'up')
    expect(await db.query(`select stripe_i_d, skip_sync from plans`)).toEqual([{ stripe_i_d: 'prod_kept', skip_sync: null }])
    await db.run(stripePluginPlans, 'down')
    expect(await db.query(`select stripe_product_id from plans`)).toEqual([{ stripe_product_id: 'prod_kept' }])
    await db.run(stripePluginPlans, 'up')

    // analytics counters: up backfills the rows already there, the triggers count what follows, down removes them
    const seller = (await db.query<{ id: number }>(`insert into users (email) values ('counted@test.local') returning id`))[0].id
    const mk = (await db.query<{ id: number }>(`insert into makes (name) values ('Counted') returning id`))[0].id
    const md = (await db.query<{ id: number }>(`insert into models (name, make_id) values ('Counted One', $1) returning id`, [mk]))[0].id
    const car = (title: string, status: string, at: string) =>
      db.query(`insert into cars (title, make_id, model_id, year, condition, price, status, seller_id, created_at) values ($1, $2, $3, 2020, 'used', 1000, $4, $5, $6)`, [
        title,
        mk,
        md,
        status,
        seller,
        at,
      ])
    await car('Old', 'active', '2026-01-02T10:00:00Z')
    const counted = () =>
      db.query(`select metric, day::text as day, dim, sum(n)::int as n from (select * from analytics_counts union all select * from analytics_count_deltas) x
                where metric in ('new_listings', 'listings') group by 1, 2, 3 having sum(n) <> 0 order by 1, 2, 3`)
    await db.run(analyticsCounters, 'up')
    expect(await counted()).toEqual([
      { metric: 'listings', day: '1970-01-01', dim: `active:${mk}`, n: 1 },
      { metric: 'new_listings', day: '2026-01-02', dim: '', n: 1 },
    ])
    await db.query(`update cars set status = 'sold'`)
    await car('New', 'draft', '2026-01-03T10:00:00Z')
    expect(await counted()).toEqual([
      { metric: 'listings', day: '1970-01-01', dim: `draft:${mk}`, n: 1 },
      { metric: 'listings', day: '1970-01-01', dim: `sold:${mk}`, n: 1 },
      { metric: 'new_listings', day: '2026-01-02', dim: '', n: 1 },
      { metric: 'new_listings', day: '2026-01-03', dim: '', n: 1 },
    ])
    await db.run(analyticsCounters, 'down')
    expect(await tableExists(db, 'analytics_counts')).toBe(false)
    expect(await tableExists(db, 'analytics_count_deltas')).toBe(false)
    await db.query(`delete from cars`) // no trigger left to fail
    await db.run(analyticsCounters, 'up')
    expect(await counted()).toEqual([])
    // loyalty: booking spending and refunds in the ledger, the booking's loyalty pricing, the alerts record (unique per user and key)
    await db.run(loyaltyBookingAlerts, 'up')
    expect(await tableExists(db, 'loyalty_alerts')).toBe(true)
    expect(await enumValues(db, 'enum_loyalty_ledger_reason')).toEqual(['order_delivered', 'booking_completed', 'review', 'achievement', 'checkout_redeem', 'booking_redeem', 'redeem_refund'])
    const [{ id: user }] = await db.query<{ id: number }>(`insert into users (email) values ('loyal@example.test') returning id`)
    await db.query(
      `insert into loyalty_ledger (user_id, reason, ref, points, balance_after) values ($1, 'booking_redeem', 'BK-2026-000001', -100, 0), ($1, 'redeem_refund', 'BK-2026-000001', 100, 100)`,
      [user],
    )
    await db.query(`insert into loyalty_alerts (user_id, alert, key) values ($1, 'inactivity', 'inactivity:x')`, [user])
    await expect(db.query(`insert into loyalty_alerts (user_id, alert, key) values ($1, 'inactivity', 'inactivity:x')`, [user])).rejects.toThrow(/duplicate key/)
    await db.run(loyaltyBookingAlerts, 'down')
    expect(await tableExists(db, 'loyalty_alerts')).toBe(false)
    expect(await db.query(`select reason::text as reason, points from loyalty_ledger order by id`)).toEqual([
      { reason: 'checkout_redeem', points: '-100' },
      { reason: 'achievement', points: '100' },
    ])
    await db.run(loyaltyBookingAlerts, 'up')
    expect(await tableExists(db, 'loyalty_alerts')).toBe(true)

    // search index tuning: up sets each trigram operator function's cost and the GIN pending-list limits, down restores the defaults
    const costs = async () =>
      (
        await db.query<{ procost: string }>(`select procost::text from pg_proc where proname = any($1) and proargtypes = '25 25'::oidvector order by proname`, [
          [...searchIndexTuning.TRIGRAM_OPERATOR_FUNCTIONS],
        ])
      ).map((r) => Number(r.procost))
    const limits = async () =>
      (
        await db.query<{ relname: string; reloptions: string[] | null }>(`select relname, reloptions from pg_class where relname = any($1) order by relname`, [
          [...searchIndexTuning.SEARCH_GIN_INDEXES],
        ])
      ).map((r) => `${r.relname}:${(r.reloptions ?? []).join(',')}`)
    await db.run(searchIndexTuning, 'up')
    expect(await costs()).toEqual(searchIndexTuning.TRIGRAM_OPERATOR_FUNCTIONS.map(() => searchIndexTuning.TRIGRAM_OPERATOR_COST))
    expect(await limits()).toEqual([...searchIndexTuning.SEARCH_GIN_INDEXES].sort().map((index) => `${index}:gin_pending_list_limit=${searchIndexTuning.GIN_PENDING_LIST_KB}`))
    await db.run(searchIndexTuning, 'down')
    expect(await costs()).toEqual(searchIndexTuning.TRIGRAM_OPERATOR_FUNCTIONS.map(() => 1))
    expect((await limits()).every((l) => l.endsWith(':'))).toBe(true)
    await db.run(searchIndexTuning, 'up')
    expect(await costs()).toEqual(searchIndexTuning.TRIGRAM_OPERATOR_FUNCTIONS.map(() => searchIndexTuning.TRIGRAM_OPERATOR_COST))
  })
})
