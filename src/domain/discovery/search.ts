/**
 * Search text handling as pure functions (no Payload import): query normalization, tokenizing, a trigram
 * similarity identical to PostgreSQL's pg_trgm `similarity()`, typo expansion against a vocabulary (make, model,
 * part brand and part category names), the `to_tsquery` texts, pagination and the ranking formula's constants.
 */

export const SEARCH_TYPES = ['cars', 'parts', 'all'] as const
export type SearchType = (typeof SEARCH_TYPES)[number]

export const MAX_QUERY_LENGTH = 200
export const MAX_QUERY_WORDS = 8
export const MAX_WORD_LENGTH = 40
/** pg_trgm's default `similarity_threshold`; "toyta"/"toyota" = 0.44, "camyr"/"camry" = 0.33. */
export const TYPO_SIMILARITY = 0.3
/** At most this many corrections per query word. */
export const MAX_CORRECTIONS = 3

/**
 * Lowercase, accents removed (NFKD minus combining marks), every run of non letters/digits → one space,
 * trimmed, at most {@link MAX_QUERY_LENGTH} characters. `"  Citroën  C4—Picasso!"` → `"citroen c4 picasso"`.
 * SQL indexes `autohub_norm(text)` (lowercase, Latin accents folded) so the two agree on ordinary text.
 */
export function normalizeQuery(raw: unknown): string {
  if (typeof raw !== 'string') return ''
  return raw
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .slice(0, MAX_QUERY_LENGTH)
    .trim()
}

/**
 * The least string above every string that starts with `prefix`, in code-point order (the byte order of UTF-8, which
 * PostgreSQL's `~<~` operators and `text_pattern_ops` indexes compare): the prefix with its last character's code
 * point raised by one. So "starts with `prefix`" is the range `prefix ≤ s < prefixUpperBound(prefix)`, which a
 * btree reads as a range even when the prefix is a bind parameter (a `like $1` pattern is not indexable). Throws
 * when there is no such string (an empty prefix, or one ending in U+10FFFF); past U+D7FF it skips the surrogates.
 */
export function prefixUpperBound(prefix: string): string {
  const chars = Array.from(prefix)
  const last = chars.pop()?.codePointAt(0)
  if (last === undefined || last >= 0x10ffff) throw new Error('prefixUpperBound: no string follows every string with this prefix')
  const next = last + 1 === 0xd800 ? 0xe000 : last + 1
  return chars.join('') + String.fromCodePoint(next)
}

/** Distinct words of a normalized query, in order, at most {@link MAX_QUERY_WORDS}, each ≤ 40 chars. */
export function tokenize(normalized: string): string[] {
  const out: string[] = []
  for (const w of normalized.split(' ')) {
    if (!w) continue
    const word = w.slice(0, MAX_WORD_LENGTH)
    if (!out.includes(word)) out.push(word)
    if (out.length >= MAX_QUERY_WORDS) break
  }
  return out
}

/**
 * The trigram set of a string as pg_trgm builds it: each alphanumeric word, lowercased, padded with two
 * spaces in front and one behind, cut into 3-character windows.
 */
export function trigrams(text: string): Set<string> {
  const set = new Set<string>()
  for (const word of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    if (!word) continue
    const padded = `  ${word} `
    const chars = Array.from(padded)
    for (let i = 0; i + 3 <= chars.length; i++) set.add(chars.slice(i, i + 3).join(''))
  }
  return set
}

/** pg_trgm's similarity from counts: shared trigrams / all distinct trigrams of two sets of these sizes (0..1). */
const similarityOf = (shared: number, sizeA: number, sizeB: number): number => (shared ? shared / (sizeA + sizeB - shared) : 0)

/** pg_trgm `similarity(a, b)`: shared trigrams / all distinct trigrams (0..1). */
export function similarity(a: string, b: string): number {
  const ta = trigrams(a)
  const tb = trigrams(b)
  let shared = 0
  for (const t of ta) if (tb.has(t)) shared++
  return similarityOf(shared, ta.size, tb.size)
}

/** Per trigram, the indexes of the items whose trigram set holds it. */
type Postings = Map<string, number[]>

function addPostings(postings: Postings, set: Set<string>, i: number): void {
  for (const t of set) {
    const list = postings.get(t)
    if (list) list.push(i)
    else postings.set(t, [i])
  }
}

/** Per item sharing at least one trigram with `query`, how many it shares (items sharing none score 0). */
function sharedCounts(query: Set<string>, postings: Postings): Map<number, number> {
  const shared = new Map<number, number>()
  for (const t of query) for (const i of postings.get(t) ?? []) shared.set(i, (shared.get(i) ?? 0) + 1)
  return shared
}

/** A vocabulary's distinct words, their trigram counts and their postings. */
interface VocabularyIndex {
  terms: string[]
  sizes: number[]
  postings: Postings
}

/**
 * Built once per vocabulary object (the search's vocabulary is cached and never changed:
 * src/db/discovery/vocabulary.ts); a vocabulary that is not an object (a string) is indexed on every call.
 */
const indexes = new WeakMap<object, VocabularyIndex>()
function vocabularyIndex(vocabulary: Iterable<string>): VocabularyIndex {
  const cached = typeof vocabulary === 'object' ? indexes.get(vocabulary) : undefined
  if (cached) return cached
  const terms = [...new Set(vocabulary)]
  const postings: Postings = new Map()
  const sizes = terms.map((term, i) => {
    const set = trigrams(term)
    addPostings(postings, set, i)
    return set.size
  })
  const index = { terms, sizes, postings }
  if (typeof vocabulary === 'object') indexes.set(vocabulary, index)
  return index
}

/** Words of a vocabulary name (a make, model, part brand or part category), normalized like queries. */
export const vocabularyWords = (name: string): string[] => tokenize(normalizeQuery(name))

/**
 * Typo corrections for one query word: vocabulary words with trigram similarity ≥ {@link TYPO_SIMILARITY},
 * best first, at most {@link MAX_CORRECTIONS} (`threshold` > 0). A word that is itself in the vocabulary, a prefix
 * of a vocabulary word (the user is still typing), or shorter than 3 characters gets none.
 */
export function corrections(word: string, vocabulary: Iterable<string>, threshold = TYPO_SIMILARITY): string[] {
  if (Array.from(word).length < 3) return []
  const { terms, sizes, postings } = vocabularyIndex(vocabulary)
  if (terms.some((term) => term.startsWith(word))) return []
  // shared trigrams counted through the postings: a word sharing none scores 0, below any threshold
  const wordTrigrams = trigrams(word)
  const scored: { term: string; score: number }[] = []
  for (const [i, n] of sharedCounts(wordTrigrams, postings)) {
    const score = similarityOf(n, wordTrigrams.size, sizes[i])
    if (score >= threshold) scored.push({ term: terms[i], score })
  }
  scored.sort((a, b) => b.score - a.score || a.term.localeCompare(b.term))
  return scored.slice(0, MAX_CORRECTIONS).map((s) => s.term)
}

export interface QueryPlan {
  /** The normalized query (what is logged and counted as "popular"). */
  normalized: string
  words: string[]
  /** word → typo corrections found in the vocabulary. */
  corrected: Record<string, string[]>
  /** `to_tsquery('simple', …)` text requiring every word (each word or one of its corrections). */
  strict: string | null
  /**
   * Every word but one (three words or more): the OR of the conjunctions that leave one term out. The relaxed pass's
   * first tier when the strict one finds nothing; null for fewer than three words, whose "all but one" is any word.
   */
  most: string | null
  /** The same terms OR-ed: the relaxed pass when the strict one (and `most`) find nothing; also its ranking query. */
  relaxed: string | null
}

/** A tsquery lexeme: normalized words contain letters and digits only, so nothing needs escaping. */
const lexeme = (w: string) => w.replace(/[^\p{L}\p{N}]/gu, '')

/**
 * `(a & b) | (a & c) | (b & c)` for the terms a, b, c: a document matching this matches every term but at most one.
 * At most {@link MAX_QUERY_WORDS} conjunctions of one term fewer each.
 */
function allButOne(terms: string[]): string | null {
  if (terms.length < 3) return null
  return terms.map((_, skip) => `(${terms.filter((__, i) => i !== skip).join(' & ')})`).join(' | ')
}

/**
 * Builds the tsquery texts. Each word matches as a prefix (`toy:*` finds "toyota") or as any of its
 * corrections (`(toyta:* | toyota)`).
 */
export function planQuery(raw: unknown, vocabulary: Iterable<string> = []): QueryPlan {
  const normalized = normalizeQuery(raw)
  const words = tokenize(normalized).map(lexeme).filter(Boolean)
  const corrected: Record<string, string[]> = {}
  const terms = words.map((w) => {
    const fixes = corrections(w, vocabulary)
    if (fixes.length) corrected[w] = fixes
    const alternatives = [`${w}:*`, ...fixes.map(lexeme).filter(Boolean)]
    return alternatives.length > 1 ? `(${alternatives.join(' | ')})` : alternatives[0]
  })
  return {
    normalized,
    words,
    corrected,
    strict: terms.length ? terms.join(' & ') : null,
    most: allButOne(terms),
    relaxed: terms.length ? terms.join(' | ') : null,
  }
}

// ---------- pagination & parameters ----------

export const SEARCH_DEFAULT_LIMIT = 20
export const SEARCH_MAX_LIMIT = 50
export const SEARCH_MAX_PAGE = 100

export interface Page {
  page: number
  limit: number
  offset: number
}

export const pageOf = (page: number, limit: number): Page => ({ page, limit, offset: (page - 1) * limit })

export function pagination(totalDocs: number, page: Page) {
  const totalPages = Math.max(1, Math.ceil(totalDocs / page.limit))
  return {
    totalDocs,
    page: page.page,
    limit: page.limit,
    totalPages,
    hasNextPage: page.page < totalPages,
    hasPrevPage: page.page > 1,
  }
}

/**
 * Ranking: `ts_rank` over the weighted document (title A = 1.0, make/model and part brand/category B = 0.4,
 * description C = 0.2, PostgreSQL's default weights) — so a title match outranks a make/model match, which
 * outranks a description match — plus a small trigram bonus (similarity of the query to the title) that
 * orders typo matches and breaks ties. Ties then go to the newest item.
 */
export const RANK_WEIGHTS = { D: 0.1, C: 0.2, B: 0.4, A: 1.0 } as const
export const TRIGRAM_BONUS = 0.1
/**
 * Bounded ranking: only candidates whose `ts_rank` is within {@link TRIGRAM_BONUS} of the page's cut can reach
 * the page, and at most this many of them (best `ts_rank`, then newest; never fewer than offset + limit) get
 * the trigram score. Below the cap the order is exactly the full ranking's. 200, not 1,000: at 100k listings a
 * one-make query has ~2,500 near-ties, and scoring 1,000 of them was a third of the query (engine mean over the
 * bench's queries 9.5 → 8.2 ms; bench/NOTES.md).
 */
export const RANK_CANDIDATES = 200

// ---------- suggestions ----------

export interface SuggestionEntry {
  type: 'make' | 'model'
  id: number
  text: string
  /** The make's name, for models. */
  make?: string
  slug?: string | null
}

interface Prepared {
  name: string
  full: string
  words: string[]
  /** The trigram counts of `name` and `full` (their trigrams are in the postings). */
  nameSize: number
  fullSize: number
}

/** Normalized names and trigram sets per entry, with the postings of both sets: built once per entries array (cached with the vocabulary). */
interface EntriesIndex {
  prepared: Prepared[]
  names: Postings
  fulls: Postings
}
const entriesIndexes = new WeakMap<readonly SuggestionEntry[], EntriesIndex>()
function entriesIndex(entries: readonly SuggestionEntry[]): EntriesIndex {
  const cached = entriesIndexes.get(entries)
  if (cached) return cached
  const index: EntriesIndex = { prepared: [], names: new Map(), fulls: new Map() }
  entries.forEach((e, i) => {
    const name = normalizeQuery(e.text)
    const full = e.make ? normalizeQuery(`${e.make} ${e.text}`) : name
    const nameTri = trigrams(name)
    const fullTri = trigrams(full)
    index.prepared.push({ name, full, words: name.split(' '), nameSize: nameTri.size, fullSize: fullTri.size })
    addPostings(index.names, nameTri, i)
    addPostings(index.fulls, fullTri, i)
  })
  entriesIndexes.set(entries, index)
  return index
}

/**
 * Make/model suggestions from the in-memory vocabulary: prefix matches of the whole name or of any word of
 * it first (shorter names first), then trigram matches for typos (best first; scored only for the entries sharing
 * a trigram with the query, through the postings — the others score 0).
 */
export function suggestFromVocabulary(q: string, entries: readonly SuggestionEntry[], limit = 5): SuggestionEntry[] {
  const n = normalizeQuery(q)
  if (!n) return []
  const { prepared, names, fulls } = entriesIndex(entries)
  const prefix: { e: SuggestionEntry; key: number }[] = []
  const isPrefix = new Set<number>()
  prepared.forEach((p, i) => {
    if (p.name.startsWith(n) || p.full.startsWith(n) || p.words.some((w) => w.startsWith(n))) {
      prefix.push({ e: entries[i], key: p.name.length + (entries[i].type === 'model' ? 1000 : 0) })
      isPrefix.add(i)
    }
  })
  const fuzzy: { e: SuggestionEntry; key: number }[] = []
  if (n.length >= 3) {
    const qTri = trigrams(n)
    const byName = sharedCounts(qTri, names)
    const byFull = sharedCounts(qTri, fulls)
    const candidates = [...new Set([...byName.keys(), ...byFull.keys()])].filter((i) => !isPrefix.has(i)).sort((a, b) => a - b)
    for (const i of candidates) {
      const p = prepared[i]
      const s = Math.max(similarityOf(byName.get(i) ?? 0, qTri.size, p.nameSize), similarityOf(byFull.get(i) ?? 0, qTri.size, p.fullSize))
      if (s >= TYPO_SIMILARITY) fuzzy.push({ e: entries[i], key: -s })
    }
  }
  prefix.sort((a, b) => a.key - b.key || a.e.text.localeCompare(b.e.text))
  fuzzy.sort((a, b) => a.key - b.key || a.e.text.localeCompare(b.e.text))
  return [...prefix, ...fuzzy].slice(0, limit).map((x) => x.e)
}
