/**
 * Votes: one per user per target (unique index + friendly check), toggled/replaced by `POST /api/votes`, and
 * the target's counters (helpfulCount/unhelpfulCount on reviews and forum responses, likesCount on comments)
 * recounted from SQL under a per-target advisory lock in the same transaction — exact under concurrency.
 */
import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionBeforeChangeHook, PayloadRequest } from 'payload'

import type { Vote } from '@payload-types'
import { countVotes, findVote, relId, sameId, type VoteCounts, writeVoteCounters } from '@/db/community'
import { advisoryLock, type Tx, txOf } from '@/db/transaction'
import { isVotable, VOTABLE_COLLECTIONS, VOTE_RULES, type VotableCollection, type VoteValue } from '@/domain/community'
import { conflict, currentUser, forbidden, invalidFields, notFound } from '@/lib/http'

export const VOTE_LOCK = 'vote-target'

export type { VoteCounts }

/** Recounts a target's votes and writes its counter columns. */
export async function recountVotes(tx: Tx, collection: VotableCollection, id: number): Promise<VoteCounts> {
  await advisoryLock(tx, VOTE_LOCK, `${collection}:${id}`)
  const counts = await countVotes(tx, collection, id)
  const columns: Record<string, number> = {}
  for (const [value, column] of Object.entries(VOTE_RULES[collection].counters) as [VoteValue, string][]) columns[column] = counts[value]
  await writeVoteCounters(tx, collection, id, columns)
  return counts
}

/** Reads the target for a vote: it must exist and (for signed-in voters) be visible to the voter. */
async function loadVotable(req: PayloadRequest, collection: string, id: number): Promise<{ author?: unknown }> {
  if (!isVotable(collection)) {
    throw invalidFields([{ path: 'target.relationTo', message: `target.relationTo must be one of: ${VOTABLE_COLLECTIONS.join(', ')}.` }])
  }
  const user = currentUser(req)
  const doc = await req.payload.findByID({ collection, id, req, depth: 0, overrideAccess: !user, user, disableErrors: true }).catch(() => null)
  if (!doc) throw notFound('The voted item does not exist.')
  return doc
}

export const voteBeforeChange: CollectionBeforeChangeHook<Vote> = async ({ data, operation, req, originalDoc }) => {
  if (operation === 'update') {
    for (const f of ['user', 'target', 'targetCollection', 'targetId'] as const) if (f in data) Object.assign(data, { [f]: originalDoc?.[f] })
    const collection = originalDoc?.targetCollection
    const rules = isVotable(collection) ? VOTE_RULES[collection] : undefined
    if (data.value !== undefined && !rules?.values.includes(data.value)) {
      throw invalidFields([{ path: 'value', message: `value must be one of: ${rules?.values.join(', ')}.` }])
    }
    return data
  }
  const t = data.target as { relationTo?: string; value?: unknown } | undefined
  const collection = String(t?.relationTo ?? '')
  const id = relId(t?.value)
  if (!id) throw invalidFields([{ path: 'target', message: 'target must be { relationTo, value: id }.' }])
  const doc = await loadVotable(req, collection, id)
  const votable = collection as VotableCollection
  const rules = VOTE_RULES[votable]
  if (!data.value || !rules.values.includes(data.value)) throw invalidFields([{ path: 'value', message: `value must be one of: ${rules.values.join(', ')}.` }])
  const user = relId(data.user)
  if (!user) throw invalidFields([{ path: 'user', message: 'user is required.' }])
  if (sameId(doc.author, user)) throw forbidden('You cannot vote on your own post.')
  const tx = await txOf(req)
  await advisoryLock(tx, VOTE_LOCK, `${votable}:${id}`)
  const dup = await findVote(tx, user, votable, id)
  if (dup) throw conflict('You have already voted on this; change your vote instead.', { vote: dup.id })
  data.target = { relationTo: votable, value: id } as Vote['target']
  data.targetCollection = votable
  data.targetId = id
  return data
}

/** Recounts the target of a vote that was written or deleted. */
async function recountTargetOf(req: PayloadRequest, doc: Vote): Promise<void> {
  if (isVotable(doc.targetCollection) && doc.targetId) await recountVotes(await txOf(req), doc.targetCollection, doc.targetId)
}

export const voteAfterChange: CollectionAfterChangeHook<Vote> = async ({ doc, req }) => {
  await recountTargetOf(req, doc)
  return doc
}

export const voteAfterDelete: CollectionAfterDeleteHook<Vote> = async ({ doc, req }) => {
  await recountTargetOf(req, doc)
  return doc
}
