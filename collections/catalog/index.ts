import type { CollectionConfig } from 'payload'

import { Media } from './Media'

export const catalogCollections: CollectionConfig[] = [Media]
