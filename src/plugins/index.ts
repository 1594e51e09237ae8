/** Plugins, assembled in order. Domain plugins register here. */
import type { Plugin } from 'payload'

import { s3Storage } from '@payloadcms/storage-s3'

import { env } from '@/lib/env'

import { platformGuards } from './guards'
import { seo } from './seo'

export function plugins(): Plugin[] {
  const list: Plugin[] = [seo()]
  const s3 = env.s3
  if (s3) {
    list.push(
      s3Storage({
        collections: { media: true },
        bucket: s3.bucket,
        config: {
          endpoint: s3.endpoint,
          region: s3.region,
          forcePathStyle: s3.forcePathStyle,
          credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
        },
      }),
    )
  }
  // Last, so it wraps every collection added above and by other plugins.
  list.push(platformGuards())
  return list
}
