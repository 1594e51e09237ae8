/** The content domain's registration: its collections, endpoints, jobs, demo data and machines. */
import { definePlugin } from '@/plugins/domain'
import { feedEndpoint } from '@endpoints/content/feed'
import { contentTasks } from '@endpoints/content/jobs'
import { sitemapEndpoint } from '@endpoints/content/sitemap'
import { seedContent } from '@seed/content'

import { Categories } from './Categories'
import { Comments } from './Comments'
import { Partners } from './Partners'
import { Posts } from './Posts'
import { Tags } from './Tags'
import { Testimonials } from './Testimonials'

export const contentPlugin = definePlugin({
  name: 'content',
  collections: [Posts, Categories, Tags, Comments, Testimonials, Partners],
  endpoints: [sitemapEndpoint],
  collectionEndpoints: {
    posts: [feedEndpoint],
  },
  tasks: contentTasks,
  seed: seedContent,
})
