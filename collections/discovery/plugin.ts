/** The discovery domain's registration: its collections, endpoints, jobs, demo data and machines. */
import { definePlugin } from '@/plugins/domain'
import { discoveryCarEndpoints } from '@endpoints/discovery/cars'
import { discoveryPartAvailable } from '@hooks/discovery/part-available'
import { discoveryPriceDrop } from '@hooks/discovery/price-drop'
import { comparisonEndpoints } from '@endpoints/discovery/comparisons'
import { discoveryTasks } from '@endpoints/discovery/jobs'
import { popularEndpoint, searchEndpoint, suggestionsEndpoint } from '@endpoints/discovery/search'
import { recentlyViewedEndpoint } from '@endpoints/discovery/views'
import { sharedWishlistEndpoint } from '@endpoints/discovery/wishlists'
import { seedDiscovery } from '@seed/discovery'

import { Comparisons } from './Comparisons'
import { Favorites } from './Favorites'
import { ListingViews } from './ListingViews'
import { SavedSearches } from './SavedSearches'
import { SearchQueries } from './SearchQueries'
import { Wishlists } from './Wishlists'

export const discoveryPlugin = definePlugin({
  name: 'discovery',
  collections: [Favorites, Wishlists, SavedSearches, SearchQueries, ListingViews, Comparisons],
  endpoints: [searchEndpoint, suggestionsEndpoint, popularEndpoint, recentlyViewedEndpoint],
  collectionEndpoints: {
    cars: discoveryCarEndpoints,
    comparisons: comparisonEndpoints,
    wishlists: [sharedWishlistEndpoint],
  },
  // Price-drop alerts for saved searches and favorites when a listing's price falls.
  hooks: { cars: { afterChange: [discoveryPriceDrop] }, parts: { afterChange: [discoveryPartAvailable] } },
  tasks: discoveryTasks,
  seed: seedDiscovery,
})
