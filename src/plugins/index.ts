/** Plugins, assembled in order. Domain plugins register here. */
import type { Plugin } from 'payload'

import { env } from '@/lib/env'

import { adminScope } from './admin-scope'
import { arabicAdmin } from './arabic-admin'
import { authUserCache } from './auth-user-cache'
import { platformGuards } from './guards'
import { privacy } from './privacy'
import { readAccessWarmup } from './read-access-warmup'
import { seo } from './seo'

export function plugins(): Plugin[] {
  const list: Plugin[] = [seo()]
  const s3 = env.s3
  if (s3) {
    // Loaded only when configured: the plugin and the AWS SDK it brings are ≈ 0.2 s of module loading in every
    // process that loads the config (Payload awaits each plugin, so a plugin may import what it needs).
    list.push(async (config) =>
      (await import('@payloadcms/storage-s3')).s3Storage({
        // verification-documents keeps Payload's access control: files are served through
        // /api/verification-documents/file/<name> (no disablePayloadAccessControl, no generateFileURL, private ACL).
        collections: { media: true, 'verification-documents': { prefix: 'verification-documents' } },
        bucket: s3.bucket,
        config: {
          endpoint: s3.endpoint,
          region: s3.region,
          forcePathStyle: s3.forcePathStyle,
          credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
        },
      })(config),
    )
  }
  // Admin nav audience and own-record list filters, over every collection added above.
  list.push(adminScope())
  // Last, so it wraps every collection added above and by other plugins.
  list.push(platformGuards())
  list.push(privacy())
  // Signed-in requests reuse the loaded user while its database row is unchanged (src/plugins/auth-user-cache.ts).
  list.push(authUserCache())
  // Reads that populate users start the users' read rule with their first statement (src/plugins/read-access-warmup.ts).
  list.push(readAccessWarmup())
  // Last, so every collection and field above is there: the panel's texts in Arabic (src/plugins/arabic-admin.ts).
  list.push(arabicAdmin())
  return list
}
