import type { CollectionConfig } from 'payload'

export const servicesCollections: CollectionConfig[] = []
