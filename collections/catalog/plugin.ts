/** The catalog domain's registration: its collections, endpoints, jobs, demo data and machines. */
import { carListingMachine } from '@/domain/catalog/listing'
import { definePlugin } from '@/plugins/domain'
import { approveCarEndpoint, rejectCarEndpoint } from '@endpoints/catalog/cars-moderation'
import { inventoryEndpoints } from '@endpoints/catalog/inventory'
import { catalogTasks } from '@endpoints/catalog/jobs'
import { compatiblePartsEndpoint } from '@endpoints/catalog/parts-compatible'
import { seedCatalog } from '@seed/catalog'

import { Cars } from './Cars'
import { Features } from './Features'
import { InventoryImports } from './InventoryImports'
import { Makes } from './Makes'
import { Media } from './Media'
import { Models } from './Models'
import { PartBrands } from './PartBrands'
import { PartCategories } from './PartCategories'
import { Parts } from './Parts'

export const catalogPlugin = definePlugin({
  name: 'catalog',
  collections: [Media, Makes, Models, Features, Cars, Parts, PartCategories, PartBrands, InventoryImports],
  collectionEndpoints: {
    cars: [approveCarEndpoint, rejectCarEndpoint],
    parts: [compatiblePartsEndpoint],
    'inventory-imports': inventoryEndpoints,
  },
  tasks: catalogTasks,
  seed: seedCatalog,
  machines: [carListingMachine],
})
