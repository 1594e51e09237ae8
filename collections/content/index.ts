import type { CollectionConfig } from 'payload'

export const contentCollections: CollectionConfig[] = []
