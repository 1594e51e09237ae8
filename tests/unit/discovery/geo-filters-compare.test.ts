import { describe, expect, it } from 'vitest'

import { boundingBox, distanceKm, EARTH_RADIUS_KM, isLatitude, isLongitude, roundKm } from '../../../src/domain/geo'
import { alertWindowStart, carFiltersToWhere, describeFilters, isDue, parseCarFilters } from '../../../src/domain/discovery/search-filters'
import { buildComparisonTable, MAX_COMPARISON_CARS } from '../../../src/domain/discovery/comparison'
import { rankSimilar, similarityScore } from '../../../src/db/discovery/similar'

describe('geo', () => {
  it('haversine distance', () => {
    expect(distanceKm({ lat: 0, lng: 0 }, { lat: 0, lng: 0 })).toBe(0)
    // one degree of latitude on earthdistance's sphere
    expect(distanceKm({ lat: 0, lng: 0 }, { lat: 1, lng: 0 })).toBeCloseTo((Math.PI * EARTH_RADIUS_KM) / 180, 6)
    // Dubai → Abu Dhabi ≈ 116 km (city centres)
    const d = distanceKm({ lat: 25.2048, lng: 55.2708 }, { lat: 24.4539, lng: 54.3773 })
    expect(d).toBeGreaterThan(110)
    expect(d).toBeLessThan(125)
  })
  it('bounding box contains the circle', () => {
    const c = { lat: 25, lng: 55 }
    const box = boundingBox(c, 10)
    for (const bearing of [0, 45, 90, 135, 180, 225, 270, 315]) {
      // a point 9.9 km away in each direction lies inside the box
      const dLat = (9.9 / EARTH_RADIUS_KM) * (180 / Math.PI) * Math.cos((bearing * Math.PI) / 180)
      const dLng = ((9.9 / EARTH_RADIUS_KM) * (180 / Math.PI) * Math.sin((bearing * Math.PI) / 180)) / Math.cos((25 * Math.PI) / 180)
      expect(c.lat + dLat).toBeGreaterThanOrEqual(box.minLat)
      expect(c.lat + dLat).toBeLessThanOrEqual(box.maxLat)
      expect(c.lng + dLng).toBeGreaterThanOrEqual(box.minLng)
      expect(c.lng + dLng).toBeLessThanOrEqual(box.maxLng)
    }
    expect(boundingBox({ lat: 89.99, lng: 0 }, 50)).toMatchObject({ minLng: -180, maxLng: 180 })
  })
  it('validates coordinates and rounds', () => {
    expect(isLatitude(90)).toBe(true)
    expect(isLatitude(90.1)).toBe(false)
    expect(isLongitude(-180)).toBe(true)
    expect(isLongitude(Number.NaN)).toBe(false)
    expect(roundKm(1.23456)).toBe(1.235)
  })
})

describe('saved-search filters', () => {
  it('parses and normalizes', () => {
    const { filters, errors } = parseCarFilters({ make: '3', priceMax: 20000, fuelType: 'petrol', features: [1, '2', 2], city: ' Dubai ' })
    expect(errors).toEqual([])
    expect(filters).toEqual({ make: 3, priceMax: 20000, fuelType: ['petrol'], features: [1, 2], city: 'Dubai' })
  })
  it('names every bad field', () => {
    const { errors } = parseCarFilters({ make: 'x', priceMin: -1, yearMin: 2022, yearMax: 2020, color: 'red', fuelType: ['Bad Value'] })
    expect(errors.map((e) => e.path).sort()).toEqual(['filters.color', 'filters.fuelType', 'filters.make', 'filters.priceMin', 'filters.yearMin'].sort())
    expect(parseCarFilters([1]).errors[0].path).toBe('filters')
  })
  it('builds a Payload where', () => {
    const where = carFiltersToWhere({ make: 3, yearMin: 2018, priceMax: 20000, bodyType: ['suv', 'sedan'], features: [7, 8] }, { status: { equals: 'active' } })
    expect(where).toEqual({
      and: [
        { status: { equals: 'active' } },
        { make: { equals: 3 } },
        { year: { greater_than_equal: 2018 } },
        { price: { less_than_equal: 20000 } },
        { bodyType: { in: ['suv', 'sedan'] } },
        { features: { equals: 7 } },
        { features: { equals: 8 } },
      ],
    })
  })
  it('describes filters', () => {
    expect(describeFilters({ yearMin: 2018, priceMax: 20000 }, { make: 'Toyota' })).toBe('Toyota · 2018–… · ≤ 20000')
    expect(describeFilters({})).toBe('all listings')
  })
  it('schedules alerts', () => {
    const now = new Date('2026-01-10T12:00:00Z')
    expect(isDue('instant', new Date('2026-01-10T11:59:59Z'), now)).toBe(true)
    expect(isDue('daily', null, now)).toBe(true)
    expect(isDue('daily', new Date('2026-01-09T13:00:00Z'), now)).toBe(false)
    expect(isDue('daily', new Date('2026-01-09T12:00:00Z'), now)).toBe(true)
    expect(isDue('weekly', new Date('2026-01-05T12:00:00Z'), now)).toBe(false)
    const created = new Date('2026-01-01T00:00:00Z')
    expect(alertWindowStart({ createdAt: created })).toEqual(created)
    expect(alertWindowStart({ createdAt: created, lastCheckedAt: new Date('2026-01-05T00:00:00Z'), lastNotifiedAt: new Date('2026-01-03T00:00:00Z') })).toEqual(new Date('2026-01-05T00:00:00Z'))
  })
})

describe('comparison table', () => {
  const car = (id: number, extra: Record<string, unknown> = {}) => ({ id, title: `Car ${id}`, year: 2020, price: 10000 * id, make: { id: 1, name: 'Toyota' }, location: { city: 'Dubai' }, ...extra })
  it('aligns values to the cars and flags differences', () => {
    const t = buildComparisonTable([car(1), car(2, { year: 2021 }), car(3), car(4, { features: [{ id: 9, name: 'Sunroof' }] })])
    const year = t.rows.find((r) => r.field === 'year')!
    expect(year.values).toEqual([2020, 2021, 2020, 2020])
    expect(year.differs).toBe(true)
    expect(t.rows.find((r) => r.field === 'make')!).toMatchObject({ values: ['Toyota', 'Toyota', 'Toyota', 'Toyota'], differs: false })
    expect(t.rows.find((r) => r.field === 'location.city')!.values).toEqual(['Dubai', 'Dubai', 'Dubai', 'Dubai'])
    expect(t.rows.find((r) => r.field === 'mileage')!.values).toEqual([null, null, null, null])
    expect(t.features).toEqual([{ id: 9, name: 'Sunroof', values: [false, false, false, true] }])
    expect(t.cars.map((c) => c.id)).toEqual([1, 2, 3, 4])
  })
  it('refuses a fifth car', () => {
    expect(() => buildComparisonTable([1, 2, 3, 4, 5].map((i) => car(i)))).toThrow(/at most 4/)
    expect(MAX_COMPARISON_CARS).toBe(4)
  })
})

describe('similar cars', () => {
  const base = { id: 1, make: 1, model: 10, bodyType: 'sedan', price: 20000, year: 2020 }
  it('scores shared attributes', () => {
    expect(similarityScore(base, { ...base, id: 2 })).toBe(12)
    expect(similarityScore(base, { id: 3, make: 2, model: 20, bodyType: 'suv', price: 90000, year: 2010 })).toBe(0)
  })
  it('ranks, excludes itself and zero scores', () => {
    const ranked = rankSimilar(
      base,
      [
        { ...base },
        { id: 2, make: 1, model: 11, bodyType: 'suv', price: 21000, year: 2020 },
        { id: 3, make: 1, model: 10, bodyType: 'sedan', price: 19000, year: 2019 },
        { id: 4, make: 2, model: 30, bodyType: 'coupe', price: 20000, year: 2005 },
        { id: 5, make: 2, model: 31, bodyType: 'sedan', price: 20500, year: 2021 },
      ],
      10,
    )
    expect(ranked.map((r) => r.id)).toEqual([3, 2, 5, 4])
  })
})
