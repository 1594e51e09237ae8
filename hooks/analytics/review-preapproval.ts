/**
 * Review pre-approval: with `reviewPreApproval` on (platform settings, tab "Moderation & audit") every new
 * review waits in the reviews moderation queue (`pending`) instead of going live; off (the default), reviews
 * are published at once and only reports send them back (community's own rule).
 */
import type { CollectionBeforeChangeHook } from 'payload'

export const reviewPreApproval: CollectionBeforeChangeHook = async ({ data, operation, req }) => {
  if (operation !== 'create') return data
  const settings = (await req.payload.findGlobal({ slug: 'platform-settings', depth: 0, overrideAccess: true, req })) as { reviewPreApproval?: boolean | null }
  if (settings?.reviewPreApproval) return { ...data, status: 'pending' }
  return data
}
