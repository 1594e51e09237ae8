import { describe, expect, it } from 'vitest'

import { ASPECTS_BY_TARGET, reviewModeration, summarize, validateRating } from '../../../src/domain/community/reviews'
import { decide } from '../../../src/workflows/engine'

describe('summarize', () => {
  it('is zero for no reviews', () => {
    expect(summarize([])).toEqual({
      average: 0,
      count: 0,
      distribution: { one: 0, two: 0, three: 0, four: 0, five: 0 },
      aspects: { communication: null, accuracy: null, value: null, shipping: null },
    })
  })
  it('averages to 2 decimals (half up) and counts stars', () => {
    const s = summarize([{ rating: 5 }, { rating: 4 }, { rating: 4 }])
    expect(s.average).toBe(4.33)
    expect(s.count).toBe(3)
    expect(s.distribution).toEqual({ one: 0, two: 0, three: 0, four: 2, five: 1 })
    expect(summarize([{ rating: 1 }, { rating: 2 }, { rating: 2 }, { rating: 2 }, { rating: 2 }, { rating: 2 }, { rating: 2 }, { rating: 2 }]).average).toBe(1.88) // 1.875
  })
  it('averages each aspect over the reviews that rated it', () => {
    const s = summarize([
      { rating: 5, aspects: { communication: 5, shipping: 4 } },
      { rating: 3, aspects: { communication: 2 } },
      { rating: 4, aspects: null },
    ])
    expect(s.aspects).toEqual({ communication: 3.5, accuracy: null, value: null, shipping: 4 })
  })
})

describe('validateRating', () => {
  it('accepts whole stars and applicable aspects', () => {
    expect(validateRating('parts', 5, { shipping: 1, value: 5 })).toEqual([])
    expect(validateRating('cars', 1, {})).toEqual([])
  })
  it('names each bad field', () => {
    expect(validateRating('cars', 0, null).map((e) => e.path)).toEqual(['rating'])
    expect(validateRating('cars', 4.5, null).map((e) => e.path)).toEqual(['rating'])
    expect(validateRating('cars', '5', null).map((e) => e.path)).toEqual(['rating'])
    expect(validateRating('cars', 5, { shipping: 3 }).map((e) => e.path)).toEqual(['aspects.shipping'])
    expect(validateRating('parts', 5, { bogus: 3, value: 7 }).map((e) => e.path)).toEqual(['aspects.bogus', 'aspects.value'])
  })
  it('every target has the aspects it lists', () => {
    expect(ASPECTS_BY_TARGET.services).not.toContain('shipping')
    expect(ASPECTS_BY_TARGET.parts).toContain('shipping')
  })
})

describe('moderation table', () => {
  const editor = { id: 1, roles: ['editor' as const] }
  const buyer = { id: 2, roles: ['buyer' as const] }
  it('editors approve and reject; buyers cannot; state is checked', () => {
    expect(decide(reviewModeration, { status: 'approved' }, { action: 'reject' }, editor).ok).toBe(true)
    expect(decide(reviewModeration, { status: 'rejected' }, { action: 'approve' }, editor).ok).toBe(true)
    expect(decide(reviewModeration, { status: 'approved' }, { action: 'approve' }, editor)).toMatchObject({ ok: false, status: 409 })
    expect(decide(reviewModeration, { status: 'approved' }, { action: 'reject' }, buyer)).toMatchObject({ ok: false, status: 403 })
    expect(decide(reviewModeration, { status: 'approved' }, { action: 'hold' }, null, { system: true }).ok).toBe(true)
  })
})
