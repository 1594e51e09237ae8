/**
 * Search index tuning: planner costs of pg_trgm's similarity operators and the pending-list limit of the search GIN
 * indexes. Neither changes a result; both change how fast the search and the suggestions find it.
 *
 * 1. Operator costs (`%`, `<%`, `%>`, `<<%`, `%>>`). pg_trgm declares the functions behind them with the default cost
 *    of 1, the cost of an integer comparison. Each call really computes the trigram sets of two strings (≈ 2 µs per
 *    title on the benchmark machine). With cost 1 the planner answers a trigram filter over a large table with a
 *    sequential scan that computes the similarity of every row instead of the trigram GIN index plus a recheck of
 *    the index's candidates. Measured on 110k stored search documents (bench data, relaxed pass of a query whose
 *    listings are all sold): 243 ms with the sequential scan, 17 ms with the index. Cost 100 is what PostgreSQL
 *    itself gives the tsvector match operator.
 * 2. GIN pending lists. A GIN index with `fastupdate` collects new entries in an unsorted pending list (up to
 *    `gin_pending_list_limit`, 4 MB by default) that every search scans in full until vacuum or the limit merges it.
 *    After an import of 10,000 listings the title trigram index held 500 pending pages: each trigram lookup of the
 *    search and of the suggestions cost 2–4 ms more (suggestions for "oil" 10 ms → 4 ms once merged). The search
 *    GIN indexes get a 256 kB limit: writes still batch their entries, and a search scans at most 32 pending pages.
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

/** The GIN indexes the search and the suggestions read (stored documents; the listing filter's own indexes). */
export const SEARCH_GIN_INDEXES = [
  'car_search_docs_doc_idx',
  'car_search_docs_title_trgm_idx',
  'part_search_docs_doc_idx',
  'part_search_docs_title_trgm_idx',
  'cars_search_doc_idx',
  'cars_title_trgm_idx',
  'parts_search_doc_idx',
  'parts_title_trgm_idx',
] as const

/** Their pending-list limit, in kB. */
export const GIN_PENDING_LIST_KB = 256

/** This migration creates no table. */
export const tables: string[] = []

export const statements: string[] = [
  `create extension if not exists pg_trgm`,
  ...TRIGRAM_OPERATOR_FUNCTIONS.map((fn) => `alter function ${fn}(text, text) cost ${TRIGRAM_OPERATOR_COST}`),
  ...SEARCH_GIN_INDEXES.map((index) => `alter index if exists ${index} set (gin_pending_list_limit = ${GIN_PENDING_LIST_KB})`),
]

export const downStatements: string[] = [
  ...TRIGRAM_OPERATOR_FUNCTIONS.map((fn) => `alter function ${fn}(text, text) cost 1`),
  ...SEARCH_GIN_INDEXES.map((index) => `alter index if exists ${index} reset (gin_pending_list_limit)`),
]

export async function up({ db }: MigrateUpArgs): Promise<void> {
  for (const statement of statements) await db.execute(sql.raw(statement))
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  for (const statement of downStatements) await db.execute(sql.raw(statement))
}
