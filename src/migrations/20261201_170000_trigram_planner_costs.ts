/**
 * Planner costs of pg_trgm's similarity operators (`%`, `<%`, `%>`, `<<%`, `%>>`).
 *
 * pg_trgm declares the functions behind these operators with the default cost of 1, the cost of an integer
 * comparison. Each call really computes trigram sets of two strings (≈ 2 µs per title on the benchmark machine).
 * With cost 1 the planner answers a trigram filter over a large table with a sequential scan that computes the
 * similarity of every row instead of the trigram GIN index plus a recheck of the index's candidates. Measured on
 * 110k stored search documents (bench data, relaxed pass of a query whose listings are all sold): 243 ms with the
 * sequential scan, 17 ms with the index. Cost 100 (what PostgreSQL itself gives the tsvector match operator) makes
 * the planner prefer the index wherever it exists; it changes no result.
 *
 * Function properties of an extension's members are not kept by `pg_dump`: after restoring a dump, run the
 * migrations' statements again (`npm run dev` and tests re-apply them after every push, src/db/sql-migrations.ts).
 * Every statement is idempotent; production runs `up`.
 */
import type { MigrateDownArgs, MigrateUpArgs } from '@payloadcms/db-postgres'
import { sql } from '@payloadcms/db-postgres'

/** The functions behind pg_trgm's similarity operators on text. */
export const TRIGRAM_OPERATOR_FUNCTIONS = ['similarity_op', 'word_similarity_op', 'word_similarity_commutator_op', 'strict_word_similarity_op', 'strict_word_similarity_commutator_op'] as const

/** The planner cost given to each of them. */
export const TRIGRAM_OPERATOR_COST = 100

/** This migration creates no table. */
export const tables: string[] = []

export const statements: string[] = [`create extension if not exists pg_trgm`, ...TRIGRAM_OPERATOR_FUNCTIONS.map((fn) => `alter function ${fn}(text, text) cost ${TRIGRAM_OPERATOR_COST}`)]

export const downStatements: string[] = TRIGRAM_OPERATOR_FUNCTIONS.map((fn) => `alter function ${fn}(text, text) cost 1`)

export async function up({ db }: MigrateUpArgs): Promise<void> {
  for (const statement of statements) await db.execute(sql.raw(statement))
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  for (const statement of downStatements) await db.execute(sql.raw(statement))
}
