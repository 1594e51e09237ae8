import type { CollectionConfig } from 'payload'

import { and, authenticated, canWriteAccess, anyone, isAdmin, isOwner, or } from '@/access'
import { stampOwner } from '@hooks/stamp-owner'
import { env } from '@/lib/env'

export const IMAGE_MIME_TYPES = ['image/jpeg', 'image/png', 'image/webp']
export const VIDEO_MIME_TYPES = ['video/mp4']

/**
 * Uploaded images and videos. Images get thumbnail/medium/large WebP sizes (sharp). Local disk by default,
 * S3 when S3_BUCKET is set (see payload.config.ts).
 */
export const Media: CollectionConfig = {
  slug: 'media',
  admin: { useAsTitle: 'filename', defaultColumns: ['filename', 'alt', 'mimeType', 'filesize', 'uploadedBy'], group: 'Catalog' },
  access: {
    read: anyone,
    create: and(authenticated, canWriteAccess),
    update: or(isAdmin, isOwner('uploadedBy')),
    delete: or(isAdmin, isOwner('uploadedBy')),
  },
  hooks: { beforeChange: [stampOwner('uploadedBy')] },
  upload: {
    staticDir: process.env.MEDIA_DIR || 'media',
    mimeTypes: [...IMAGE_MIME_TYPES, ...VIDEO_MIME_TYPES],
    filesRequiredOnCreate: true,
    imageSizes: [
      { name: 'thumbnail', width: 150, height: 150, position: 'centre', formatOptions: { format: 'webp', options: { quality: 80 } } },
      { name: 'medium', width: 500, withoutEnlargement: true, formatOptions: { format: 'webp', options: { quality: 80 } } },
      { name: 'large', width: 1200, withoutEnlargement: true, formatOptions: { format: 'webp', options: { quality: 82 } } },
    ],
    adminThumbnail: 'thumbnail',
    focalPoint: true,
  },
  fields: [
    { name: 'alt', type: 'text', localized: true, admin: { description: 'Describe the image for screen readers and SEO.' } },
    { name: 'uploadedBy', type: 'relationship', relationTo: 'users', index: true, admin: { readOnly: true, position: 'sidebar' } },
  ],
}

export const mediaUploadLimitBytes = () => env.uploadLimitBytes
