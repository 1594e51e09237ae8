import type { CollectionConfig } from 'payload'

import { Categories } from './Categories'
import { Comments } from './Comments'
import { Partners } from './Partners'
import { Posts } from './Posts'
import { Tags } from './Tags'
import { Testimonials } from './Testimonials'

export const contentCollections: CollectionConfig[] = [Posts, Categories, Tags, Comments, Testimonials, Partners]
