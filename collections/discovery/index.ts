import type { CollectionConfig } from 'payload'

import { Comparisons } from './Comparisons'
import { Favorites } from './Favorites'
import { ListingViews } from './ListingViews'
import { SavedSearches } from './SavedSearches'
import { SearchQueries } from './SearchQueries'
import { Wishlists } from './Wishlists'

export const discoveryCollections: CollectionConfig[] = [Favorites, Wishlists, SavedSearches, SearchQueries, ListingViews, Comparisons]
