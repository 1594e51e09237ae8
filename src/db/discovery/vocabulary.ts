/**
 * In-memory cache of make, model, part brand and part category names: the typo vocabulary of the search (the words
 * of all four) and the make/model part of suggestions. Each use checks a cheap version stamp (row counts and latest
 * `updated_at` of the four tables), read by the search's and the suggestions' own statement (`withVocabulary`), so
 * an edit made through any instance is picked up at once.
 */
import { sql } from '@payloadcms/db-postgres'

import type { Tx } from '@/db/transaction'
import { type SuggestionEntry, vocabularyWords } from '@/domain/discovery/search'

export interface Vocabulary {
  version: string
  /** Distinct normalized words of every active make, model and part brand name and of every part category name. */
  words: string[]
  entries: SuggestionEntry[]
}

let cache: Vocabulary | null = null
let loading: Promise<Vocabulary> | null = null

/** The version stamp as one scalar expression: read with another statement (`withVocabulary`) or alone. */
export const VOCABULARY_VERSION = sql`(select count(*) || ':' || coalesce(max(updated_at)::text, '') from makes) || '|' ||
  (select count(*) || ':' || coalesce(max(updated_at)::text, '') from models) || '|' ||
  (select count(*) || ':' || coalesce(max(updated_at)::text, '') from part_brands) || '|' ||
  (select count(*) || ':' || coalesce(max(updated_at)::text, '') from part_categories)`

/** The vocabulary, checked against the current version stamp (one statement while it is unchanged). */
export async function vocabulary(db: Tx): Promise<Vocabulary> {
  const version = String((await db.execute(sql`select ${VOCABULARY_VERSION} as v`)).rows[0]?.v ?? '')
  return vocabularyAt(db, version)
}

/** The vocabulary of `version`: the cached one, or loaded (once, however many callers ask at the same time). */
async function vocabularyAt(db: Tx, version: string): Promise<Vocabulary> {
  if (cache && cache.version === version) return cache
  loading ??= (async () => {
    try {
      const makes = await db.execute(sql`select id, name, slug from makes where coalesce(active, true) order by name`)
      const models = await db.execute(sql`select md.id, md.name, md.slug, mk.name as make
        from models md join makes mk on mk.id = md.make_id where coalesce(mk.active, true) order by md.name`)
      const entries: SuggestionEntry[] = [
        ...makes.rows.map((r) => ({ type: 'make' as const, id: Number(r.id), text: String(r.name), slug: r.slug ?? null })),
        ...models.rows.map((r) => ({ type: 'model' as const, id: Number(r.id), text: String(r.name), make: String(r.make), slug: r.slug ?? null })),
      ]
      // part brands and categories correct typos ("brmbo" → brembo) but are not suggested here (titles are)
      const partNames = await db.execute(sql`select name from part_brands where coalesce(active, true) union all select name from part_categories`)
      const names = [...entries.map((e) => e.text), ...partNames.rows.map((r) => String(r.name))]
      const words = [...new Set(names.flatMap((text) => vocabularyWords(text)))]
      cache = { version, words, entries }
      return cache
    } finally {
      loading = null
    }
  })()
  return loading
}

/**
 * Reads with the vocabulary checked in the same statement: `read` gets the cached vocabulary and answers its
 * statement's reading of {@link VOCABULARY_VERSION} with its value; when that is not the vocabulary's version (an
 * edit of a make or model, on any instance), the vocabulary of the version read is loaded and `read` runs again.
 * So an unchanged vocabulary costs no statement of its own. `read` answers `version: null` when it sent no
 * statement (nothing to check).
 */
export async function withVocabulary<T>(db: Tx, read: (vocab: Vocabulary) => Promise<{ version: string | null; value: T }>): Promise<T> {
  let vocab = cache ?? (await vocabulary(db))
  for (let attempt = 1; ; attempt++) {
    const { version, value } = await read(vocab)
    // edited again while reading: after a few rounds the answer of a just-loaded vocabulary stands
    if (version === null || version === vocab.version || attempt === 3) return value
    vocab = await vocabularyAt(db, version)
  }
}

/** Drops the cache (tests, or after bulk imports that bypass updated_at). */
export function invalidateVocabulary(): void {
  cache = null
}
