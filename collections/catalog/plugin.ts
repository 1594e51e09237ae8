/** The catalog domain's registration: its collections, endpoints, jobs, demo data and machines. */
import { carListingMachine } from '@/domain/catalog/listing'
import { definePlugin } from '@/plugins/domain'
import { approveCarEndpoint, rejectCarEndpoint } from '@endpoints/catalog/cars-moderation'
import { catalogTasks } from '@endpoints/catalog/jobs'
import { compatiblePartsEndpoint } from '@endpoints/catalog/parts-compatible'
import { seedCatalog } from '@seed/catalog'

import { Cars } from './Cars'
import { Features } from './Features'
import { Makes } from './Makes'
import { Media } from './Media'
import { Models } from './Models'
import { PartBrands } from './PartBrands'
import { PartCategories } from './PartCategories'
import { Parts } from './Parts'

export const catalogPlugin = definePlugin({
  name: 'catalog',
  collections: [Media, Makes, Models, Features, Cars, Parts, PartCategories, PartBrands],
  collectionEndpoints: {
    cars: [approveCarEndpoint, rejectCarEndpoint],
    parts: [compatiblePartsEndpoint],
  },
  tasks: catalogTasks,
  seed: seedCatalog,
  machines: [carListingMachine],
})
