import type { CollectionConfig } from 'payload'

import { Posts } from './Posts'

export const contentCollections: CollectionConfig[] = [Posts]
