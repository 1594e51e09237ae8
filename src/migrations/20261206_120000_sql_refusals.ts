/**
 * A refusal raised by a statement: `autohub_refuse(refusal, facts)` fails the statement with SQLSTATE `AH409`, the
 * refusal as its message and the facts (JSON) as its detail.
 *
 * A transaction whose last statements go in the write that carries its COMMIT (src/db/transaction.ts `commitWith`)
 * cannot decide between them in Node: a statement that finds the transaction must not stand (a checkout's part
 * short of stock) calls this, PostgreSQL rolls the whole transaction back (the COMMIT after it answers ROLLBACK),
 * and the caller maps the error to its 409 (src/db/commerce.ts `refusalOf`).
 *
 * Every statement is idempotent (`npm run dev` and tests re-apply them after every push, src/db/sql-migrations.ts);
 * production runs `up`.
 */
import type { MigrateDownArgs, MigrateUpArgs } from '@payloadcms/db-postgres'
import { sql } from '@payloadcms/db-postgres'

/** The SQLSTATE of a refusal. */
export const REFUSAL_SQLSTATE = 'AH409'

/** This migration creates no table. */
export const tables: string[] = []

export const statements: string[] = [
  `create or replace function public.autohub_refuse(refusal text, facts text) returns boolean language plpgsql volatile as $$
  begin
    raise exception using errcode = '${REFUSAL_SQLSTATE}', message = refusal, detail = coalesce(facts, '');
  end $$`,
]

export const downStatements: string[] = [`drop function if exists public.autohub_refuse(text, text)`]

export async function up({ db }: MigrateUpArgs): Promise<void> {
  for (const statement of statements) await db.execute(sql.raw(statement))
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  for (const statement of downStatements) await db.execute(sql.raw(statement))
}
