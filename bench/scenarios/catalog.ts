/** Catalog scenarios: listing search (REST and GraphQL), listing detail, loan calculator. */
import { prng, type BenchContext, type BenchScenario } from './types'

/**
 * The fields a results page shows (a listing card): requested with `select` — the REST counterpart of the
 * GraphQL selection below; make and model are populated with their `defaultPopulate` (id, name, slug…).
 */
export const CARD_FIELDS = [
  'title',
  'slug',
  'year',
  'price',
  'currency',
  'mileage',
  'condition',
  'fuelType',
  'transmission',
  'bodyType',
  'status',
  'location',
  'make',
  'model',
  'primaryImage',
  'createdAt',
]
const cardSelect = CARD_FIELDS.map((f) => `select[${f}]=true`).join('&')

export function searchParams(ctx: BenchContext, rand: () => number) {
  const make = ctx.makes[Math.floor(rand() * ctx.makes.length)].id
  const minPrice = 10_000 + Math.floor(rand() * 30) * 1000
  return { make, minPrice, maxPrice: minPrice + 40_000, minYear: 2008 + Math.floor(rand() * 6) }
}

export const listingSearch: BenchScenario = {
  sample: 'list',
  app: (ctx) => {
    const rand = prng(1)
    return {
      name: 'listing search (REST)',
      requests: () => [
        {
          method: 'GET',
          setupRequest: (req) => {
            const p = searchParams(ctx, rand)
            const q = `where[make][equals]=${p.make}&where[price][greater_than_equal]=${p.minPrice}&where[price][less_than_equal]=${p.maxPrice}&where[year][greater_than_equal]=${p.minYear}&sort=-createdAt&page=3&limit=12&depth=1&${cardSelect}`
            return { ...req, path: `/api/cars?${q}` }
          },
        },
      ],
    }
  },
  baseline: (ctx) => {
    const rand = prng(1)
    return {
      name: 'listing search',
      requests: () => [
        {
          method: 'GET',
          setupRequest: (req) => {
            const p = searchParams(ctx, rand)
            return { ...req, path: `/search-listings?make=${p.make}&minPrice=${p.minPrice}&maxPrice=${p.maxPrice}&minYear=${p.minYear}&page=3&limit=12&card=1` }
          },
        },
      ],
    }
  },
}

export const listingDetail: BenchScenario = {
  sample: 'doc',
  app: (ctx) => {
    const rand = prng(2)
    const [lo, hi] = ctx.carIds
    return {
      name: 'listing detail',
      expectedStatuses: [404], // drafts are not public
      requests: () => [{ method: 'GET', setupRequest: (req) => ({ ...req, path: `/api/cars/${lo + Math.floor(rand() * (hi - lo))}?depth=1` }) }],
    }
  },
  baseline: (ctx) => {
    const rand = prng(2)
    const [lo, hi] = ctx.carIds
    return {
      name: 'listing detail',
      expectedStatuses: [404],
      requests: () => [{ method: 'GET', setupRequest: (req) => ({ ...req, path: `/cars/${lo + Math.floor(rand() * (hi - lo))}` }) }],
    }
  },
}

export const graphqlSearch: BenchScenario = {
  sample: 'list',
  unwrapApp: (body) => (body as { data?: { Cars?: unknown } }).data?.Cars ?? body,
  app: (ctx) => {
    const rand = prng(1)
    return {
      name: 'listing search (GraphQL)',
      requests: () => [
        {
          method: 'POST',
          path: '/api/graphql',
          headers: { 'content-type': 'application/json' },
          setupRequest: (req) => {
            const p = searchParams(ctx, rand)
            const query = `{ Cars(where: { make: { equals: ${p.make} }, price: { greater_than_equal: ${p.minPrice}, less_than_equal: ${p.maxPrice} }, year: { greater_than_equal: ${p.minYear} } }, sort: "-createdAt", page: 3, limit: 12) { docs { id title slug year price currency mileage status condition fuelType transmission bodyType createdAt location { address city region country latitude longitude } make { id name slug } model { id name slug } primaryImage { id url } } totalDocs page totalPages hasNextPage } }`
            return { ...req, body: JSON.stringify({ query }) }
          },
        },
      ],
    }
  },
  baseline: listingSearch.baseline,
}

const loanBody = JSON.stringify({ vehiclePrice: 25000, downPayment: 2000, interestRate: 6.5, termMonths: 60 })

export const loanCalculator: BenchScenario = {
  app: () => ({
    name: 'loan calculator',
    requests: () => [{ method: 'POST', path: '/api/loan-calculator', headers: { 'content-type': 'application/json' }, body: loanBody }],
  }),
  baseline: () => ({
    name: 'loan calculator',
    requests: () => [{ method: 'POST', path: '/loan', headers: { 'content-type': 'application/json' }, body: loanBody }],
  }),
}
