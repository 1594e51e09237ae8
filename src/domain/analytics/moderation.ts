/**
 * The moderation queues (pure table): for each queue, the collection, what "awaiting a decision" means, the
 * patch an approval or a rejection writes, who decides, the author to tell, and whether the collection's own
 * hooks already tell them. Drives the `/api/moderation/*` endpoints, the admin views and the docs.
 */
import type { Role } from '@/access/roles'

export type Decision = 'approve' | 'reject'
type Where = Record<string, unknown>

export interface ModerationQueue {
  key: string
  label: { en: string; ar: string }
  collection: 'cars' | 'comments' | 'reviews' | 'dealers' | 'expert-verifications' | 'forum-responses'
  /** Rows awaiting a decision (a Payload `where`). */
  pending: Where
  /** The document's title for the queue (a field name). */
  titleField: string
  /** The relationship that names the author (notified of the decision). */
  authorField: string
  roles: Role[]
  /** The data a decision writes (`null`: the decision is a domain operation, e.g. listing approval). */
  patch: ((decision: Decision, reason: string | undefined) => Record<string, unknown>) | null
  /** The collection's hooks notify the author on a status change already (no second notification). */
  notifiesItself: boolean
}

export const MODERATION_QUEUES: readonly ModerationQueue[] = [
  {
    key: 'listings',
    label: { en: 'Listings awaiting approval', ar: 'إعلانات بانتظار الموافقة' },
    collection: 'cars',
    pending: { status: { equals: 'pending_review' } },
    titleField: 'title',
    authorField: 'seller',
    roles: ['admin', 'editor'],
    patch: null,
    notifiesItself: true,
  },
  {
    key: 'comments',
    label: { en: 'Comments', ar: 'التعليقات' },
    collection: 'comments',
    pending: { status: { equals: 'pending' } },
    titleField: 'body',
    authorField: 'author',
    roles: ['admin', 'editor'],
    patch: (d) => ({ status: d === 'approve' ? 'approved' : 'rejected', moderatedAt: new Date().toISOString() }),
    notifiesItself: false,
  },
  {
    key: 'reviews',
    label: { en: 'Reviews', ar: 'المراجعات' },
    collection: 'reviews',
    pending: { status: { equals: 'pending' } },
    titleField: 'title',
    authorField: 'author',
    roles: ['admin', 'editor'],
    patch: (d, reason) => (d === 'approve' ? { status: 'approved', moderationNote: null } : { status: 'rejected', moderationNote: reason }),
    notifiesItself: false,
  },
  {
    key: 'dealers',
    label: { en: 'Dealer verifications', ar: 'توثيق الوكلاء' },
    collection: 'dealers',
    pending: { verificationStatus: { equals: 'pending' } },
    titleField: 'name',
    authorField: 'owner',
    roles: ['admin'],
    patch: (d, reason) => (d === 'approve' ? { verificationStatus: 'verified', verificationNote: null } : { verificationStatus: 'rejected', verificationNote: reason }),
    notifiesItself: true,
  },
  {
    key: 'experts',
    label: { en: 'Expert verifications', ar: 'توثيق الخبراء' },
    collection: 'expert-verifications',
    pending: { status: { equals: 'pending' } },
    titleField: 'credentials',
    authorField: 'user',
    roles: ['admin'],
    patch: (d, reason) => ({ status: d === 'approve' ? 'approved' : 'rejected', reviewNotes: reason ?? null }),
    notifiesItself: true,
  },
  {
    key: 'forum',
    label: { en: 'Reported forum posts', ar: 'مشاركات المنتدى المبلغ عنها' },
    collection: 'forum-responses',
    pending: { flagsCount: { greater_than: 0 } },
    titleField: 'body',
    authorField: 'author',
    roles: ['admin', 'editor'],
    // Approving keeps the post (flags cleared, visible again); rejecting hides it.
    patch: (d) => ({ status: d === 'approve' ? 'visible' : 'hidden', flags: [] }),
    notifiesItself: false,
  },
]

export const queueByKey = (key: string): ModerationQueue | undefined => MODERATION_QUEUES.find((q) => q.key === key)

/** The queues a role set may work on. */
export const queuesFor = (roles: readonly string[]): ModerationQueue[] => MODERATION_QUEUES.filter((q) => q.roles.some((r) => roles.includes(r)))

/** The author's notification text for a decision. */
export function decisionMessage(queue: ModerationQueue, decision: Decision, title: string, reason?: string) {
  const what = { comments: 'comment', reviews: 'review', 'forum-responses': 'forum post' }[queue.collection as string] ?? 'submission'
  const short = title.length > 60 ? `${title.slice(0, 57)}…` : title
  return decision === 'approve'
    ? { title: { en: `Your ${what} was approved`, ar: 'تمت الموافقة على مشاركتك' }, message: { en: `“${short}” was approved and is visible.` } }
    : { title: { en: `Your ${what} was not approved`, ar: 'لم تتم الموافقة على مشاركتك' }, message: { en: `“${short}” was rejected: ${reason ?? ''}`.trim() } }
}
