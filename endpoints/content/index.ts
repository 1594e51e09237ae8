import type { Endpoint } from 'payload'

import { sitemapEndpoint } from './sitemap'

/** Root-level content endpoints (`/api/posts/feed.xml` lives on the posts collection). */
export const contentEndpoints: Endpoint[] = [sitemapEndpoint]
