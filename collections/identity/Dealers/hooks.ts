/** Dealer profile hooks: one profile per owner, verification stamps and the owner's notification. */
import type { CollectionAfterChangeHook, CollectionBeforeChangeHook } from 'payload'

import type { Dealer } from '@payload-types'
import { idOf } from '@/domain/ids'
import { conflict } from '@/lib/http'
import { notify } from '@/notifications/notify'

/** One dealer profile per owner (a clear 409; the unique index on owner is the race-safe backstop). */
export const onePerOwner: CollectionBeforeChangeHook<Dealer> = async ({ data, originalDoc, operation, req }) => {
  const owner = idOf(data?.owner ?? originalDoc?.owner)
  if (!owner || (operation === 'update' && idOf(originalDoc?.owner) === owner)) return data
  const existing = await req.payload.count({
    collection: 'dealers',
    where: { and: [{ owner: { equals: owner } }, ...(originalDoc?.id ? [{ id: { not_equals: originalDoc.id } }] : [])] },
    overrideAccess: true,
    req,
  })
  if (existing.totalDocs > 0) throw conflict('This user already has a dealer profile.', { owner })
  return data
}

/** verifiedAt follows verificationStatus. */
export const stampVerification: CollectionBeforeChangeHook<Dealer> = ({ data, originalDoc }) => {
  if (!data || data.verificationStatus === undefined || data.verificationStatus === originalDoc?.verificationStatus) return data
  data.verifiedAt = data.verificationStatus === 'verified' ? new Date().toISOString() : null
  return data
}

const TEXT: Record<string, { en: string; ar: string; msg: string }> = {
  verified: { en: 'Your dealer profile is verified', ar: 'تم توثيق ملف الوكيل', msg: 'is verified: your new listings are published without moderation.' },
  rejected: { en: 'Your dealer verification was rejected', ar: 'تم رفض توثيق ملف الوكيل', msg: 'was not verified.' },
  pending: { en: 'Your dealer verification is pending', ar: 'توثيق ملف الوكيل قيد المراجعة', msg: 'is waiting for verification again.' },
}

/** Tells the owner when an admin changes the verification status (type `verification_status`). */
export const notifyVerification: CollectionAfterChangeHook<Dealer> = async ({ doc, previousDoc, operation, req, context }) => {
  if (operation !== 'update' || context?.seed || doc.verificationStatus === previousDoc?.verificationStatus) return doc
  const owner = idOf(doc.owner)
  if (!owner) return doc
  const t = TEXT[doc.verificationStatus ?? 'pending'] ?? TEXT.pending
  await notify(req, {
    user: owner,
    type: 'verification_status',
    title: { en: t.en, ar: t.ar },
    message: { en: `Dealer profile “${doc.name}” ${t.msg}${doc.verificationNote ? ` Note: ${doc.verificationNote}` : ''}` },
    data: { dealer: doc.id, verificationStatus: doc.verificationStatus },
    actionUrl: `/dealers/${doc.slug ?? doc.id}`,
  })
  return doc
}
