/**
 * In-memory cache of make and model names: the typo vocabulary of the search and the make/model part of
 * suggestions. Each use checks a cheap version stamp (row counts and latest `updated_at` of both tables, one
 * indexed query), so an edit made through any instance is picked up at once.
 */
import { sql } from '@payloadcms/db-postgres'

import type { Tx } from '@/db/transaction'
import { type SuggestionEntry, vocabularyWords } from '@/domain/discovery/search'

export interface Vocabulary {
  version: string
  /** Distinct normalized words of every active make and model name. */
  words: string[]
  entries: SuggestionEntry[]
}

let cache: Vocabulary | null = null
let loading: Promise<Vocabulary> | null = null

const VERSION = sql`select
  (select count(*) || ':' || coalesce(max(updated_at)::text, '') from makes) || '|' ||
  (select count(*) || ':' || coalesce(max(updated_at)::text, '') from models) as v`

export async function vocabulary(db: Tx): Promise<Vocabulary> {
  const version = String((await db.execute(VERSION)).rows[0]?.v ?? '')
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
      const words = [...new Set(entries.flatMap((e) => vocabularyWords(e.text)))]
      cache = { version, words, entries }
      return cache
    } finally {
      loading = null
    }
  })()
  return loading
}

/** Drops the cache (tests, or after bulk imports that bypass updated_at). */
export function invalidateVocabulary(): void {
  cache = null
}
