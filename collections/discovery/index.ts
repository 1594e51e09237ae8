import type { CollectionConfig } from 'payload'

export const discoveryCollections: CollectionConfig[] = []
