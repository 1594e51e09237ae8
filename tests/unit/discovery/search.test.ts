import { describe, expect, it } from 'vitest'

import { corrections, normalizeQuery, pageOf, pagination, planQuery, prefixUpperBound, similarity, suggestFromVocabulary, tokenize, trigrams } from '../../../src/domain/discovery/search'

describe('normalizeQuery / tokenize', () => {
  it('lowercases, strips accents and punctuation, collapses spaces', () => {
    expect(normalizeQuery('  Citroën  C4—Picasso!  ')).toBe('citroen c4 picasso')
    expect(normalizeQuery('MERCEDES-Benz  E200')).toBe('mercedes benz e200')
    expect(normalizeQuery(42)).toBe('')
    expect(normalizeQuery('   ')).toBe('')
  })
  it('keeps Arabic letters', () => {
    expect(normalizeQuery('تويوتا كامري')).toBe('تويوتا كامري')
  })
  it('caps the length at 200 characters', () => {
    expect(normalizeQuery('a'.repeat(500)).length).toBe(200)
  })
  it('tokenize: distinct words in order, at most 8', () => {
    expect(tokenize('toyota camry toyota 2019')).toEqual(['toyota', 'camry', '2019'])
    expect(tokenize('a b c d e f g h i j')).toHaveLength(8)
  })
})

describe('trigram similarity (pg_trgm semantics)', () => {
  it('builds padded trigrams per word', () => {
    expect([...trigrams('cat')].sort()).toEqual(['  c', ' ca', 'at ', 'cat'].sort())
    expect(trigrams('a b').size).toBe(4)
  })
  it('matches pg_trgm values', () => {
    // select similarity('toyta','toyota') = 0.44444445 in PostgreSQL
    expect(similarity('toyta', 'toyota')).toBeCloseTo(4 / 9, 6)
    expect(similarity('camyr', 'camry')).toBeCloseTo(3 / 9, 6)
    expect(similarity('toyota', 'toyota')).toBe(1)
    expect(similarity('abc', '')).toBe(0)
    expect(similarity('honda', 'toyota')).toBeLessThan(0.2)
  })
})

describe('corrections', () => {
  const vocab = ['toyota', 'camry', 'corolla', 'honda', 'civic', 'bmw']
  it('finds the make for a misspelling', () => {
    expect(corrections('toyta', vocab)).toEqual(['toyota'])
    expect(corrections('camyr', vocab)).toEqual(['camry'])
  })
  it('does not correct known words, prefixes or short words', () => {
    expect(corrections('toyota', vocab)).toEqual([])
    expect(corrections('toy', vocab)).toEqual([])
    expect(corrections('bm', vocab)).toEqual([])
  })
  it('returns nothing for unrelated words', () => {
    expect(corrections('leather', vocab)).toEqual([])
  })
  it('equals scoring every vocabulary word (the trigram postings only skip words sharing no trigram)', () => {
    // brute force: the definition, pg_trgm similarity with each word
    const reference = (word: string, words: string[]) =>
      words.some((w) => w.startsWith(word))
        ? []
        : [...new Set(words)]
            .map((term) => ({ term, score: similarity(word, term) }))
            .filter((s) => s.score >= 0.3)
            .sort((a, b) => b.score - a.score || a.term.localeCompare(b.term))
            .slice(0, 3)
            .map((s) => s.term)
    let seed = 7
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
    const letters = 'aeioutnrslcmbkvy'
    const wordOf = (n: number) => Array.from({ length: n }, () => letters[Math.floor(rand() * letters.length)]).join('')
    const words = Array.from({ length: 400 }, () => wordOf(3 + Math.floor(rand() * 7)))
    let found = 0
    for (let i = 0; i < 500; i++) {
      // a vocabulary word with one letter changed, dropped or added, or a random word
      const base = words[Math.floor(rand() * words.length)]
      const at = Math.floor(rand() * base.length)
      const kind = i % 4
      const word = kind === 0 ? base.slice(0, at) + wordOf(1) + base.slice(at + 1) : kind === 1 ? base.slice(0, at) + base.slice(at + 1) : kind === 2 ? base + wordOf(1) : wordOf(5)
      const expected = reference(word, words)
      expect(corrections(word, words), word).toEqual(expected)
      if (expected.length) found++
    }
    expect(found).toBeGreaterThan(100)
    // another vocabulary object is indexed on its own
    expect(corrections('toyta', ['toyota'])).toEqual(['toyota'])
    expect(corrections('toyta', ['honda'])).toEqual([])
  })
})

describe('planQuery', () => {
  it('prefix-matches every word and ORs typo corrections', () => {
    const plan = planQuery('Toyta Camry', ['toyota', 'camry'])
    expect(plan.normalized).toBe('toyta camry')
    expect(plan.corrected).toEqual({ toyta: ['toyota'] })
    expect(plan.strict).toBe('(toyta:* | toyota) & camry:*')
    expect(plan.relaxed).toBe('(toyta:* | toyota) | camry:*')
  })
  it('every word but one from three words on: each conjunction leaves one term out (corrections kept whole)', () => {
    expect(planQuery('camry zeppelin').most).toBeNull()
    expect(planQuery('bosch oil filter').most).toBe('(oil:* & filter:*) | (bosch:* & filter:*) | (bosch:* & oil:*)')
    const plan = planQuery('toyta camry sedan wagon', ['toyota', 'camry'])
    expect(plan.most).toBe('(camry:* & sedan:* & wagon:*) | ((toyta:* | toyota) & sedan:* & wagon:*) | ((toyta:* | toyota) & camry:* & wagon:*) | ((toyta:* | toyota) & camry:* & sedan:*)')
    // eight words (the most a query keeps): eight conjunctions of seven terms
    const long = planQuery('a1 b2 c3 d4 e5 f6 g7 h8 i9')
    expect(long.words).toHaveLength(8)
    expect(long.most!.split(' | ')).toHaveLength(8)
    expect(long.most!.split(' | ').every((c) => c.split(' & ').length === 7)).toBe(true)
  })
  it('empty query → no tsquery', () => {
    expect(planQuery('  !!! ').strict).toBeNull()
    expect(planQuery(undefined).words).toEqual([])
  })
  it('never lets tsquery operators through', () => {
    const plan = planQuery("a & b | !c:* <-> 'd'")
    expect(plan.strict).toBe('a:* & b:* & c:* & d:*')
  })
})

describe('pagination', () => {
  it('computes pages', () => {
    expect(pageOf(3, 20).offset).toBe(40)
    expect(pagination(45, pageOf(3, 20))).toMatchObject({ totalPages: 3, hasNextPage: false, hasPrevPage: true })
    expect(pagination(0, pageOf(1, 20))).toMatchObject({ totalPages: 1, hasNextPage: false })
  })
})

describe('suggestFromVocabulary', () => {
  const entries = [
    { type: 'make' as const, id: 1, text: 'Toyota' },
    { type: 'make' as const, id: 2, text: 'Tesla' },
    { type: 'model' as const, id: 10, text: 'Corolla', make: 'Toyota' },
    { type: 'model' as const, id: 11, text: 'Land Cruiser', make: 'Toyota' },
    { type: 'make' as const, id: 3, text: 'Honda' },
  ]
  it('prefix matches first, makes before models', () => {
    expect(suggestFromVocabulary('t', entries).map((e) => e.text)).toEqual(['Tesla', 'Toyota', 'Corolla', 'Land Cruiser'])
    expect(suggestFromVocabulary('cru', entries).map((e) => e.text)).toEqual(['Land Cruiser'])
  })
  it('typo matches by trigram', () => {
    expect(suggestFromVocabulary('toyta', entries).map((e) => e.text)[0]).toBe('Toyota')
  })
  it('respects the limit and empty input', () => {
    expect(suggestFromVocabulary('t', entries, 2)).toHaveLength(2)
    expect(suggestFromVocabulary('  ', entries)).toEqual([])
  })
  it('equals scoring every entry (the trigram postings only skip entries sharing no trigram)', () => {
    // the definition: every entry's prefix test, else its similarity by name and by make + name
    type Entry = (typeof entries)[number]
    const reference = (q: string, list: Entry[], limit: number) => {
      const n = normalizeQuery(q)
      if (!n) return []
      const prefix: { e: Entry; key: number }[] = []
      const fuzzy: { e: Entry; key: number }[] = []
      for (const e of list) {
        const name = normalizeQuery(e.text)
        const full = e.make ? normalizeQuery(`${e.make} ${e.text}`) : name
        if (name.startsWith(n) || full.startsWith(n) || name.split(' ').some((w) => w.startsWith(n))) prefix.push({ e, key: name.length + (e.type === 'model' ? 1000 : 0) })
        else if (n.length >= 3) {
          const sc = Math.max(similarity(n, name), similarity(n, full))
          if (sc >= 0.3) fuzzy.push({ e, key: -sc })
        }
      }
      prefix.sort((a, b) => a.key - b.key || a.e.text.localeCompare(b.e.text))
      fuzzy.sort((a, b) => a.key - b.key || a.e.text.localeCompare(b.e.text))
      return [...prefix, ...fuzzy].slice(0, limit).map((x) => x.e)
    }
    let seed = 11
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
    const letters = 'aeioutnrslcmbkvy'
    const wordOf = (len: number) => Array.from({ length: len }, () => letters[Math.floor(rand() * letters.length)]).join('')
    const makes: Entry[] = Array.from({ length: 40 }, (_, i) => ({ type: 'make' as const, id: i, text: wordOf(4 + (i % 5)) }))
    const list: Entry[] = [
      ...makes,
      // models share names across makes (as "Model 1…8" do), some of two words
      ...Array.from({ length: 320 }, (_, i) => ({ type: 'model' as const, id: 100 + i, text: i % 3 ? `${wordOf(5)} ${i % 8}` : `model ${i % 8}`, make: makes[i % 40].text })),
    ]
    let fuzzyHits = 0
    for (let i = 0; i < 300; i++) {
      const source = list[Math.floor(rand() * list.length)].text
      const q = i % 3 === 0 ? source.slice(0, 1 + Math.floor(rand() * 4)) : i % 3 === 1 ? source.slice(0, 2) + wordOf(1) + source.slice(3) : wordOf(4)
      const expected = reference(q, list, 8)
      expect(suggestFromVocabulary(q, list, 8), q).toEqual(expected)
      if (expected.some((e) => !normalizeQuery(e.text).startsWith(normalizeQuery(q)))) fuzzyHits++
    }
    expect(fuzzyHits).toBeGreaterThan(30)
  })
})

describe('prefixUpperBound', () => {
  const bytes = (s: string) => Buffer.from(s, 'utf8')
  /** `s` starts with `prefix` exactly when it lies in [prefix, upper bound) in UTF-8 byte order (PostgreSQL's `~<~`). */
  const inRange = (s: string, prefix: string) => Buffer.compare(bytes(prefix), bytes(s)) <= 0 && Buffer.compare(bytes(s), bytes(prefixUpperBound(prefix))) < 0

  it('raises the last code point by one', () => {
    expect(prefixUpperBound('toy')).toBe('toz')
    expect(prefixUpperBound('a')).toBe('b')
    expect(prefixUpperBound('model 9')).toBe('model :')
    expect(prefixUpperBound('تويو')).toBe('تويى') // و U+0648 → ى U+0649
    expect(prefixUpperBound('a😀')).toBe('a😁') // astral: a whole code point, not a UTF-16 unit
    expect(prefixUpperBound('x\ud7ff')).toBe('x\ue000') // the surrogates are no code points of UTF-8
  })

  it('has no answer for an empty prefix or one ending in the last code point', () => {
    expect(() => prefixUpperBound('')).toThrow(/no string follows/)
    expect(() => prefixUpperBound('a\u{10ffff}')).toThrow(/no string follows/)
  })

  it('is exactly "starts with" in byte order, for every pair of a few hundred strings', () => {
    const alphabet = ['a', 'b', 'o', 'y', 'z', '0', '9', ' ', 'é', 'ي', 'و', '😀', '\ud7ff', '\ue000']
    const strings = new Set<string>()
    const rand = (() => {
      let x = 7
      return () => (x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
    })()
    while (strings.size < 300) {
      const n = 1 + Math.floor(rand() * 4)
      strings.add(Array.from({ length: n }, () => alphabet[Math.floor(rand() * alphabet.length)]).join(''))
    }
    let starts = 0
    for (const prefix of strings) {
      for (const s of strings) {
        expect(inRange(s, prefix), `${JSON.stringify(s)} vs prefix ${JSON.stringify(prefix)}`).toBe(s.startsWith(prefix))
        if (s.startsWith(prefix)) starts++
      }
    }
    expect(starts).toBeGreaterThan(strings.size) // not only each string with itself
  })
})
