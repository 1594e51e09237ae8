import { graphqlSearch, listingDetail, listingSearch, loanCalculator } from './catalog'
import { checkoutContention } from './commerce'
import { fullTextSearch, suggestions, typoSearch } from './discovery'
import { parkingBooking, parkingNearby } from './parking'
import { graphqlDetail, listingSearchDefault, listingSearchSignedIn, partsList, postsList } from './reads'
import type { BenchScenario } from './types'
import { analyticsDashboard, negotiationOpenCounter, serviceBookingCreate } from './workflows'

/** Every scenario, in report order (BENCH_ONLY takes these keys). */
export const SCENARIOS: [string, BenchScenario][] = [
  ['listing-search', listingSearch],
  ['listing-search-signed-in', listingSearchSignedIn],
  ['listing-search-default', listingSearchDefault],
  ['listing-detail', listingDetail],
  ['graphql-search', graphqlSearch],
  ['graphql-detail', graphqlDetail],
  ['parts-list', partsList],
  ['posts-list', postsList],
  ['suggestions', suggestions],
  ['parking-nearby', parkingNearby],
  ['loan-calculator', loanCalculator],
  ['parking-booking', parkingBooking],
  ['checkout', checkoutContention],
  ['negotiation', negotiationOpenCounter],
  ['service-booking', serviceBookingCreate],
  ['analytics-dashboard', analyticsDashboard],
  // last: its slow queries (seconds at 100k listings) must not leave a backlog in front of other scenarios
  ['full-text', fullTextSearch],
  ['full-text-typos', typoSearch],
]
