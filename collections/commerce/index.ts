import type { CollectionConfig } from 'payload'

import { Orders } from './Orders'

export const commerceCollections: CollectionConfig[] = [Orders]
