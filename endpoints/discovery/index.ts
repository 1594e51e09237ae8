import type { Endpoint } from 'payload'

import { popularEndpoint, searchEndpoint, suggestionsEndpoint } from './search'
import { recentlyViewedEndpoint } from './views'

/** Root-level discovery endpoints (collection endpoints live in the collections: cars, wishlists, comparisons). */
export const discoveryEndpoints: Endpoint[] = [searchEndpoint, suggestionsEndpoint, popularEndpoint, recentlyViewedEndpoint]
