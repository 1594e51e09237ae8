import type { CollectionConfig } from 'payload'

export const negotiationCollections: CollectionConfig[] = []
