import type { CollectionConfig } from 'payload'

export const commerceCollections: CollectionConfig[] = []
