/**
 * The other public read paths of issue 17's table: the listing search signed in and with default fields (no
 * `select`), GraphQL detail, the parts list and the posts list. Each has a raw-SQL baseline (bench/baseline.ts)
 * and a sample check (bench/run.ts `sampleCheck`): before measuring, the first requests of both sides are compared
 * (same documents in the same order, same totals; the keys each side returns are listed when they differ).
 */
import { CARD_FIELDS, searchParams } from './catalog'
import { type BenchContext, type BenchScenario, prng } from './types'

const cardSelect = CARD_FIELDS.map((f) => `select[${f}]=true`).join('&')

const searchQuery = (ctx: BenchContext, rand: () => number) => {
  const p = searchParams(ctx, rand)
  return {
    app: `where[make][equals]=${p.make}&where[price][greater_than_equal]=${p.minPrice}&where[price][less_than_equal]=${p.maxPrice}&where[year][greater_than_equal]=${p.minYear}&sort=-createdAt&page=3&limit=12&depth=1`,
    baseline: `make=${p.make}&minPrice=${p.minPrice}&maxPrice=${p.maxPrice}&minYear=${p.minYear}&page=3&limit=12`,
  }
}

/** Connection-rotating user for signed-in scenarios: request n uses user n % users. */
const signedIn = (ctx: BenchContext) => {
  let n = 0
  return () => ctx.users[n++ % ctx.users.length]
}

export const listingSearchSignedIn: BenchScenario = {
  sample: 'list',
  app: (ctx) => {
    const rand = prng(11)
    const user = signedIn(ctx)
    return {
      name: 'listing search signed in (REST)',
      requests: () => [{ method: 'GET', setupRequest: (req) => ({ ...req, path: `/api/cars?${searchQuery(ctx, rand).app}&${cardSelect}`, headers: { authorization: `JWT ${user().token}` } }) }],
    }
  },
  baseline: (ctx) => {
    const rand = prng(11)
    const user = signedIn(ctx)
    return {
      name: 'listing search signed in',
      requests: () => [{ method: 'GET', setupRequest: (req) => ({ ...req, path: `/search-listings?${searchQuery(ctx, rand).baseline}&card=1&own=1`, headers: { 'x-user': String(user().id) } }) }],
    }
  },
}

export const listingSearchDefault: BenchScenario = {
  sample: 'list',
  app: (ctx) => {
    const rand = prng(12)
    return { name: 'listing search, default fields (REST)', requests: () => [{ method: 'GET', setupRequest: (req) => ({ ...req, path: `/api/cars?${searchQuery(ctx, rand).app}` }) }] }
  },
  baseline: (ctx) => {
    const rand = prng(12)
    return { name: 'listing search, default fields', requests: () => [{ method: 'GET', setupRequest: (req) => ({ ...req, path: `/search-listings?${searchQuery(ctx, rand).baseline}` }) }] }
  },
}

const DETAIL_FIELDS =
  'id title slug description year condition price currency mileage fuelType transmission bodyType status createdAt location { address city region country latitude longitude } make { id name slug } model { id name slug } seller { id firstName lastName }'

export const graphqlDetail: BenchScenario = {
  sample: 'doc',
  unwrapApp: (body) => (body as { data?: { Car?: unknown } }).data?.Car ?? body,
  app: (ctx) => {
    const rand = prng(13)
    const [lo, hi] = ctx.carIds
    return {
      name: 'listing detail (GraphQL)',
      requests: () => [
        {
          method: 'POST',
          path: '/api/graphql',
          headers: { 'content-type': 'application/json' },
          setupRequest: (req) => ({ ...req, body: JSON.stringify({ query: `{ Car(id: ${lo + Math.floor(rand() * (hi - lo))}) { ${DETAIL_FIELDS} } }` }) }),
        },
      ],
    }
  },
  baseline: (ctx) => {
    const rand = prng(13)
    const [lo, hi] = ctx.carIds
    return {
      name: 'listing detail (GraphQL)',
      expectedStatuses: [404],
      requests: () => [{ method: 'GET', setupRequest: (req) => ({ ...req, path: `/cars/${lo + Math.floor(rand() * (hi - lo))}?graphql=1` }) }],
    }
  },
}

export const partsList: BenchScenario = {
  sample: 'list',
  app: () => {
    const rand = prng(14)
    return {
      name: 'parts list',
      requests: () => [{ method: 'GET', setupRequest: (req) => ({ ...req, path: `/api/parts?where[condition][equals]=new&sort=-createdAt&page=${1 + Math.floor(rand() * 20)}&limit=12` }) }],
    }
  },
  baseline: () => {
    const rand = prng(14)
    return { name: 'parts list', requests: () => [{ method: 'GET', setupRequest: (req) => ({ ...req, path: `/parts?condition=new&page=${1 + Math.floor(rand() * 20)}&limit=12` }) }] }
  },
}

export const postsList: BenchScenario = {
  sample: 'list',
  app: () => {
    const rand = prng(15)
    return { name: 'posts list', requests: () => [{ method: 'GET', setupRequest: (req) => ({ ...req, path: `/api/posts?sort=-publishedAt&page=${1 + Math.floor(rand() * 50)}&limit=10` }) }] }
  },
  baseline: () => {
    const rand = prng(15)
    return { name: 'posts list', requests: () => [{ method: 'GET', setupRequest: (req) => ({ ...req, path: `/posts?page=${1 + Math.floor(rand() * 50)}&limit=10` }) }] }
  },
}
