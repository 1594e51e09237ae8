import type { CollectionBeforeValidateHook, CollectionConfig, UploadFieldValidation } from 'payload'
import { upload as uploadValidation } from 'payload/shared'

import { and, authenticated, canWriteAccess, isAdmin, isOwner, or, userOf } from '@/access'
import { isAdminUser } from '@/access/roles'
import { env } from '@/lib/env'
import { idKey } from '@/domain/ids'
import { HttpError } from '@/lib/http'
import { stampOwner } from '@hooks/stamp-owner'

export const VERIFICATION_DOCUMENTS = 'verification-documents' as const

/** What a verification document may be, recognized by its first bytes (the declared type is not trusted). */
const SIGNATURES: { mimeType: string; magic: number[] }[] = [
  { mimeType: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { mimeType: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  { mimeType: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
]
export const VERIFICATION_DOCUMENT_MIME_TYPES = SIGNATURES.map((s) => s.mimeType)

const sniff = (data: Buffer | undefined): string | null => (data ? (SIGNATURES.find((s) => s.magic.every((b, i) => data[i] === b))?.mimeType ?? null) : null)

/**
 * The uploaded file must be a PDF, JPEG or PNG by content (an HTML page or an executable renamed `.pdf` is
 * refused with 400) and within UPLOAD_LIMIT_BYTES.
 */
const checkFile: CollectionBeforeValidateHook = ({ req }) => {
  const file = req.file
  if (!file) return
  if (file.size > env.uploadLimitBytes) throw new HttpError(413, `The file is larger than ${env.uploadLimitBytes} bytes.`)
  const detected = sniff(file.data)
  if (!detected) throw new HttpError(400, 'A verification document must be a PDF, JPEG or PNG file.')
  file.mimetype = detected
}

/**
 * Private upload collection for dealer and expert verification documents (PDF, JPEG, PNG). Readable only by the
 * uploader (`owner`, stamped from req.user, never client-set) and admins; files are served only through
 * Payload's access-checked route `/api/verification-documents/file/<name>` (with S3 too: no public URLs, see
 * src/plugins/index.ts). Public images and video stay in `media`.
 */
export const VerificationDocuments: CollectionConfig = {
  slug: VERIFICATION_DOCUMENTS,
  labels: { singular: 'Verification document', plural: 'Verification documents' },
  admin: { useAsTitle: 'filename', group: 'Identity', defaultColumns: ['filename', 'documentType', 'owner', 'filesize', 'createdAt'] },
  defaultSort: '-createdAt',
  access: {
    read: or(isAdmin, isOwner('owner')),
    create: and(authenticated, canWriteAccess),
    update: or(isAdmin, and(canWriteAccess, isOwner('owner'))),
    delete: or(isAdmin, and(canWriteAccess, isOwner('owner'))),
  },
  hooks: { beforeValidate: [checkFile], beforeChange: [stampOwner('owner')] },
  upload: {
    staticDir: process.env.VERIFICATION_DOCUMENTS_DIR || '.data/verification-documents',
    mimeTypes: VERIFICATION_DOCUMENT_MIME_TYPES,
    filesRequiredOnCreate: true,
    // No image sizes, no focal point: documents are kept as uploaded.
    crop: false,
    focalPoint: false,
  },
  fields: [
    {
      name: 'documentType',
      type: 'select',
      defaultValue: 'other',
      options: ['business_license', 'tax_certificate', 'id_document', 'certificate', 'other'].map((v) => ({ value: v, label: v.replace(/_/g, ' ') })),
    },
    { name: 'owner', type: 'relationship', relationTo: 'users', index: true, admin: { readOnly: true, position: 'sidebar' } },
    // The S3 key prefix (src/plugins/index.ts). Declared here so the schema is the same with and without S3, and
    // forced so a client can never write a document under another collection's keys.
    {
      name: 'prefix',
      type: 'text',
      defaultValue: VERIFICATION_DOCUMENTS,
      hooks: { beforeValidate: [() => VERIFICATION_DOCUMENTS], beforeChange: [() => VERIFICATION_DOCUMENTS] },
      admin: { hidden: true },
    },
  ],
}

/**
 * Validation for an upload field pointing at verification-documents: each document must exist and belong to
 * the record's owner (`ownerField`); a non-admin may attach only their own documents.
 */
export const ownDocuments =
  (ownerField: string): UploadFieldValidation =>
  async (value, options) => {
    const base = await uploadValidation(value, options)
    if (base !== true) return base
    const ids = (Array.isArray(value) ? value : [value]).map(idKey).filter((v): v is string => v !== null)
    if (!ids.length) return true
    const { req } = options
    const data = options.data as Record<string, unknown> | undefined
    const user = userOf(req)
    const owner = user && !isAdminUser(user) ? String(user.id) : idKey(data?.[ownerField])
    const found = await req.payload.find({
      collection: 'verification-documents',
      where: { id: { in: ids } },
      depth: 0,
      limit: ids.length,
      pagination: false,
      overrideAccess: true,
      req,
    })
    const owners = new Map(found.docs.map((d) => [String(d.id), idKey(d.owner)]))
    for (const id of ids) {
      if (!owners.has(id)) return `Verification document ${id} does not exist.`
      if (owner !== null && owners.get(id) !== owner) return `Verification document ${id} is not yours: upload your own document to verification-documents.`
    }
    return true
  }
