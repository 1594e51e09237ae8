import type { CollectionConfig } from 'payload'

import { Makes } from './Makes'
import { Models } from './Models'
import { Cars } from './Cars'
import { Parts } from './Parts'
import { PartCategories } from './PartCategories'
import { PartBrands } from './PartBrands'
import { Features } from './Features'

import { Media } from './Media'

export const catalogCollections: CollectionConfig[] = [Media, Makes, Models, Features, Cars, Parts, PartCategories, PartBrands]
