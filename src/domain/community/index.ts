/**
 * Community rules with no Payload import: votes, quiet hours and digests, conversations, forum.
 */
import { defineMachine } from '@/workflows/engine'

// ---------------------------------------------------------------- votes

export const VOTE_VALUES = ['helpful', 'unhelpful', 'like'] as const
export type VoteValue = (typeof VOTE_VALUES)[number]

/** The collections one can vote on. */
export const VOTABLE_COLLECTIONS = ['reviews', 'forum-responses', 'comments'] as const
export type VotableCollection = (typeof VOTABLE_COLLECTIONS)[number]

export const isVotable = (collection: unknown): collection is VotableCollection => (VOTABLE_COLLECTIONS as readonly unknown[]).includes(collection)

/** Which vote values each votable collection accepts, and the counter column each value maintains. */
export const VOTE_RULES: Record<VotableCollection, { values: readonly VoteValue[]; counters: Partial<Record<VoteValue, string>> }> = {
  reviews: { values: ['helpful', 'unhelpful'], counters: { helpful: 'helpful_count', unhelpful: 'unhelpful_count' } },
  'forum-responses': { values: ['helpful', 'unhelpful'], counters: { helpful: 'helpful_count', unhelpful: 'unhelpful_count' } },
  comments: { values: ['like'], counters: { like: 'likes_count' } },
}

export type VoteAction = 'create' | 'remove' | 'replace'

/** Toggle semantics: no vote → create; the same value again → remove (toggle off); another value → replace. */
export function voteAction(existing: VoteValue | null | undefined, wanted: VoteValue): VoteAction {
  if (!existing) return 'create'
  return existing === wanted ? 'remove' : 'replace'
}

// ---------------------------------------------------------------- notification preferences

export type Frequency = 'instant' | 'daily' | 'weekly'

export interface NotificationPrefs {
  email?: boolean | null
  frequency?: Frequency | null
  mutedTypes?: string[] | null
  quietHoursStart?: string | null
  quietHoursEnd?: string | null
  timezone?: string | null
}

const hhmm = (s: string | null | undefined): number | null => {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(s ?? '')
  return m ? Number(m[1]) * 60 + Number(m[2]) : null
}

/** Minutes since local midnight of `now` in an IANA time zone (UTC when the zone is unknown). */
export function localMinutes(now: Date, timezone?: string | null): number {
  let parts: Intl.DateTimeFormatPart[]
  try {
    parts = new Intl.DateTimeFormat('en-GB', { timeZone: timezone || 'UTC', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(now)
  } catch {
    parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(now)
  }
  const h = Number(parts.find((p) => p.type === 'hour')?.value ?? 0)
  const m = Number(parts.find((p) => p.type === 'minute')?.value ?? 0)
  return (h % 24) * 60 + m
}

/** Whether `now` falls in the user's quiet hours (start inclusive, end exclusive; may wrap midnight). */
export function inQuietHours(prefs: NotificationPrefs | null | undefined, now: Date): boolean {
  const start = hhmm(prefs?.quietHoursStart)
  const end = hhmm(prefs?.quietHoursEnd)
  if (start === null || end === null || start === end) return false
  const t = localMinutes(now, prefs?.timezone)
  return start < end ? t >= start && t < end : t >= start || t < end
}

export type EmailDecision = 'none' | 'send' | 'queue'

/**
 * What to do with the email of a new notification: `none` (email off, type muted, no address),
 * `send` now, or `queue` for the digest job (daily/weekly frequency, or instant during quiet hours).
 * Urgent mail (account and security) is always sent at once.
 */
export function emailDecision(prefs: NotificationPrefs | null | undefined, type: string, now: Date, urgent = false): EmailDecision {
  if (urgent) return 'send'
  if (prefs?.email === false) return 'none'
  if (prefs?.mutedTypes?.includes(type)) return 'none'
  const frequency = prefs?.frequency ?? 'instant'
  if (frequency !== 'instant') return 'queue'
  return inQuietHours(prefs, now) ? 'queue' : 'send'
}

const DAY = 24 * 60 * 60 * 1000

/**
 * Whether the digest job should mail a user's queued notifications now: never in quiet hours; instant users
 * (mail deferred by quiet hours) as soon as quiet hours end; daily/weekly users at most once per period.
 */
export function digestDue(prefs: NotificationPrefs | null | undefined, lastDigestAt: Date | null, now: Date): boolean {
  if (inQuietHours(prefs, now)) return false
  const frequency = prefs?.frequency ?? 'instant'
  if (frequency === 'instant' || !lastDigestAt) return true
  const period = frequency === 'weekly' ? 7 * DAY : DAY
  return now.getTime() - lastDigestAt.getTime() >= period
}

// ---------------------------------------------------------------- conversations

/** The other participant of a two-person conversation, or null when `userId` is not a participant. */
export function otherParticipant(participants: (number | string)[], userId: number | string): number | string | null {
  const ids = participants.map(String)
  if (!ids.includes(String(userId))) return null
  return participants.find((p) => String(p) !== String(userId)) ?? null
}

/** The collections a conversation may be about. */
export const LISTING_COLLECTIONS = ['cars', 'parts'] as const
export type ListingCollection = (typeof LISTING_COLLECTIONS)[number]

export const listingKey = (relationTo: string, id: number | string) => `${relationTo}:${id}`

/** A short preview of a message for conversation lists and notifications. */
export function preview(text: string, max = 140): string {
  const s = text.replace(/\s+/g, ' ').trim()
  return s.length > max ? `${s.slice(0, max - 1)}…` : s
}

// ---------------------------------------------------------------- forum and expert verification

export const THREAD_STATUSES = ['open', 'resolved', 'closed'] as const
export type ThreadStatus = (typeof THREAD_STATUSES)[number]

export const threadWorkflow = defineMachine<ThreadStatus, { author?: unknown }>({
  name: 'thread',
  field: 'status',
  states: THREAD_STATUSES,
  initial: 'open',
  terminal: [],
  transitions: [
    { action: 'resolve', from: ['open'], to: 'resolved', by: ['author', 'admin', 'editor'], description: 'also when the author accepts a response' },
    { action: 'close', from: ['open', 'resolved'], to: 'closed', by: ['author', 'admin', 'editor'], description: 'no new responses' },
    { action: 'reopen', from: ['resolved', 'closed'], to: 'open', by: ['author', 'admin', 'editor'] },
  ],
  relations: (doc, actor) => {
    const a = doc.author && typeof doc.author === 'object' ? (doc.author as { id: unknown }).id : doc.author
    return a != null && String(a) === String(actor.id) ? ['author'] : []
  },
})

export const VERIFICATION_STATUSES = ['pending', 'approved', 'rejected'] as const
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number]

export const expertVerificationWorkflow = defineMachine<VerificationStatus>({
  name: 'expert verification',
  field: 'status',
  states: VERIFICATION_STATUSES,
  initial: 'pending',
  terminal: [],
  transitions: [
    { action: 'approve', from: ['pending', 'rejected'], to: 'approved', by: ['admin'], description: 'responses get the expert badge; user notified' },
    { action: 'reject', from: ['pending', 'approved'], to: 'rejected', by: ['admin'], description: 'user notified' },
  ],
})

export const EXPERTISE_AREAS = ['engine', 'transmission', 'electrical', 'brakes', 'suspension', 'bodywork', 'tires', 'diagnostics', 'ev_hybrid', 'maintenance', 'valuation'] as const

/** Responses and threads with this many open flags are hidden until a moderator looks at them. */
export const FLAGS_TO_HIDE = 3

/** Contact form: at most this many submissions per IP per window. */
export const CONTACT_RATE = { max: 5, windowMinutes: 10 }
