import { describe, expect, it } from 'vitest'

import { AUDITED_FIELDS, changedFields, retentionCutoff } from '../../../src/domain/analytics/audit'
import { bucketOf, bucketsOf, kpi, percent, resolvePeriod, zeroFill } from '../../../src/domain/analytics/period'

const NOW = new Date('2026-03-15T13:45:00Z') // a Sunday
const d = (s: string) => new Date(`${s}T00:00:00Z`)

describe('resolvePeriod', () => {
  it('7d ends with today (whole UTC days) and the previous period is the 7 days before', () => {
    const p = resolvePeriod({ period: '7d' }, NOW)
    if ('error' in p) throw new Error(p.error)
    expect(p.from.toISOString()).toBe('2026-03-09T00:00:00.000Z')
    expect(p.to.toISOString()).toBe('2026-03-16T00:00:00.000Z')
    expect(p.previousFrom.toISOString()).toBe('2026-03-02T00:00:00.000Z')
    expect(p.previousTo.toISOString()).toBe('2026-03-09T00:00:00.000Z')
    expect([p.days, p.granularity]).toEqual([7, 'day'])
  })

  it('30d is daily, 90d weekly, the default is 30d', () => {
    const a = resolvePeriod({}, NOW)
    const b = resolvePeriod({ period: '90d' }, NOW)
    if ('error' in a || 'error' in b) throw new Error('bad')
    expect([a.name, a.days, a.granularity]).toEqual(['30d', 30, 'day'])
    expect([b.days, b.granularity, b.from.toISOString().slice(0, 10)]).toEqual([90, 'week', '2025-12-16'])
  })

  it('custom spans from..to inclusive; groupBy overrides the granularity', () => {
    const p = resolvePeriod({ period: 'custom', from: d('2026-01-30'), to: new Date('2026-02-02T18:00:00Z'), groupBy: 'month' }, NOW)
    if ('error' in p) throw new Error(p.error)
    expect(p.from.toISOString().slice(0, 10)).toBe('2026-01-30')
    expect(p.to.toISOString().slice(0, 10)).toBe('2026-02-03')
    expect(p.days).toBe(4)
    expect(p.previousFrom.toISOString().slice(0, 10)).toBe('2026-01-26')
    expect(p.granularity).toBe('month')
  })

  it('from/to alone imply custom; missing or reversed bounds and too long windows are errors', () => {
    expect(resolvePeriod({ from: d('2026-01-01') }, NOW)).toEqual({ error: 'to is required for a custom period.', path: 'to' })
    expect(resolvePeriod({ period: 'custom', to: d('2026-01-01') }, NOW)).toEqual({ error: 'from is required for a custom period.', path: 'from' })
    expect(resolvePeriod({ period: 'custom', from: d('2026-01-02'), to: d('2026-01-01') }, NOW)).toMatchObject({ path: 'to' })
    expect(resolvePeriod({ period: 'custom', from: d('2024-01-01'), to: d('2026-01-01') }, NOW)).toMatchObject({ path: 'from' })
    const one = resolvePeriod({ period: 'custom', from: d('2026-01-01'), to: d('2026-01-01') }, NOW)
    expect('error' in one ? one : one.days).toBe(1)
  })
})

describe('buckets', () => {
  it('day, ISO week (Monday) and month keys, as date_trunc gives them', () => {
    expect(bucketOf(new Date('2026-03-15T23:59:59Z'), 'day')).toBe('2026-03-15')
    expect(bucketOf(new Date('2026-03-15T23:59:59Z'), 'week')).toBe('2026-03-09') // Sunday → the Monday before
    expect(bucketOf(new Date('2026-03-16T00:00:00Z'), 'week')).toBe('2026-03-16')
    expect(bucketOf(new Date('2026-03-15T10:00:00Z'), 'month')).toBe('2026-03-01')
  })

  it('every bucket overlapping the window, in order, across month and year ends', () => {
    expect(bucketsOf(d('2025-12-30'), d('2026-01-03'), 'day')).toEqual(['2025-12-30', '2025-12-31', '2026-01-01', '2026-01-02'])
    expect(bucketsOf(d('2026-03-04'), d('2026-03-17'), 'week')).toEqual(['2026-03-02', '2026-03-09', '2026-03-16'])
    expect(bucketsOf(d('2026-01-31'), d('2026-03-02'), 'month')).toEqual(['2026-01-01', '2026-02-01', '2026-03-01'])
  })

  it('zeroFill keeps every bucket: a bucket without a row is 0, not missing', () => {
    const out = zeroFill(['2026-01-01', '2026-01-02', '2026-01-03'], ['views', 'offers'] as const, [{ bucket: '2026-01-02', views: 4 }])
    expect(out).toEqual([
      { bucket: '2026-01-01', views: 0, offers: 0 },
      { bucket: '2026-01-02', views: 4, offers: 0 },
      { bucket: '2026-01-03', views: 0, offers: 0 },
    ])
  })
})

describe('kpi and percent', () => {
  it('change against the previous period, null when the previous was zero', () => {
    expect(kpi(15, 10)).toEqual({ current: 15, previous: 10, changePercent: 50 })
    expect(kpi(1, 3)).toEqual({ current: 1, previous: 3, changePercent: -66.7 })
    expect(kpi(4, 0)).toEqual({ current: 4, previous: 0, changePercent: null })
    expect([percent(1, 3), percent(0, 0)]).toEqual([33.3, 0])
  })
})

describe('audit diff', () => {
  it('only the sensitive fields that changed, relationships by id, lists order-insensitive', () => {
    expect(changedFields(AUDITED_FIELDS.users, { roles: ['buyer'], status: 'active', email: 'a' }, { roles: ['seller', 'buyer'], status: 'active', email: 'b' })).toEqual({
      roles: { before: ['buyer'], after: ['buyer', 'seller'] },
    })
    expect(changedFields(['roles'], { roles: ['a', 'b'] }, { roles: ['b', 'a'] })).toEqual({})
    expect(changedFields(['price', 'status'], { price: '100.00', status: 'active' }, { price: 100, status: 'sold' })).toEqual({ status: { before: 'active', after: 'sold' } })
    expect(changedFields(['car'], { car: { id: 3 } }, { car: 3 })).toEqual({})
    expect(changedFields(['amount'], null, { amount: 10 })).toEqual({ amount: { before: null, after: 10 } })
  })

  it('retention cut-off', () => {
    expect(retentionCutoff(30, NOW).toISOString()).toBe('2026-02-13T13:45:00.000Z')
  })
})
