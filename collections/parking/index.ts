import type { CollectionConfig } from 'payload'

export const parkingCollections: CollectionConfig[] = []
