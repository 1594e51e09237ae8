/**
 * Votes: one per user per target (unique index + friendly check), toggled/replaced by `POST /api/votes`, and
 * the target's counters (helpfulCount/unhelpfulCount on reviews and forum responses, likesCount on comments)
 * recounted from SQL under a per-target advisory lock in the same transaction — exact under concurrency.
 */
import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionBeforeChangeHook, PayloadRequest } from 'payload'

import { advisoryLock, sql, type Tx, tableOf, txOf, withTransaction } from '@/db/transaction'
import { VOTE_RULES, voteAction, type VoteValue } from '@/domain/community'
import { conflict, currentUser, forbidden, invalidFields, notFound } from '@/lib/http'

import { collectionExists, hasColumns, relId, sameId } from '@/db/community'

export const VOTE_LOCK = 'vote-target'

export interface VoteCounts {
  helpful: number
  unhelpful: number
  like: number
}

/** Recounts a target's votes and writes its counter columns (those that exist). */
export async function recountVotes(tx: Tx, collection: string, id: number): Promise<VoteCounts> {
  await advisoryLock(tx, VOTE_LOCK, `${collection}:${id}`)
  const res = await tx.execute(sql`
    select count(*) filter (where value = 'helpful')::int as helpful,
           count(*) filter (where value = 'unhelpful')::int as unhelpful,
           count(*) filter (where value = 'like')::int as "like"
    from votes where target_collection = ${collection} and target_id = ${id}`)
  const counts = { helpful: Number(res.rows[0].helpful), unhelpful: Number(res.rows[0].unhelpful), like: Number(res.rows[0].like) }
  const rules = VOTE_RULES[collection]
  if (!rules) return counts
  const table = tableOf(collection)
  const sets = []
  for (const [value, column] of Object.entries(rules.counters) as [VoteValue, string][]) {
    if (await hasColumns(tx, { [table]: [column] })) sets.push(sql`${sql.identifier(column)} = ${counts[value]}`)
  }
  if (sets.length) await tx.execute(sql`update ${sql.identifier(table)} set ${sql.join(sets, sql`, `)} where id = ${id}`)
  return counts
}

/** Reads the target for a vote: it must exist and (for non-admins) be visible to the voter. */
async function loadVotable(req: PayloadRequest, collection: string, id: number) {
  if (!VOTE_RULES[collection] || !collectionExists(req, collection)) {
    throw invalidFields([{ path: 'target.relationTo', message: `target.relationTo must be one of: ${Object.keys(VOTE_RULES).filter((s) => collectionExists(req, s)).join(', ')}.` }])
  }
  const user = currentUser(req)
  const doc = await req.payload
    .findByID({ collection: collection as never, id, req, depth: 0, overrideAccess: !user, user: user as never, disableErrors: true })
    .catch(() => null)
  if (!doc) throw notFound('The voted item does not exist.')
  return doc as Record<string, unknown>
}

export const voteBeforeChange: CollectionBeforeChangeHook = async ({ data, operation, req, originalDoc }) => {
  if (operation === 'update') {
    for (const f of ['user', 'target', 'targetCollection', 'targetId']) if (f in data) data[f] = originalDoc?.[f]
    const rules = VOTE_RULES[originalDoc?.targetCollection]
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
  const rules = VOTE_RULES[collection]
  if (!rules.values.includes(data.value)) throw invalidFields([{ path: 'value', message: `value must be one of: ${rules.values.join(', ')}.` }])
  const user = relId(data.user)
  if (!user) throw invalidFields([{ path: 'user', message: 'user is required.' }])
  if (sameId(doc.author, user)) throw forbidden('You cannot vote on your own post.')
  const tx = await txOf(req)
  await advisoryLock(tx, VOTE_LOCK, `${collection}:${id}`)
  const dup = await tx.execute(sql`select id from votes where user_id = ${user} and target_collection = ${collection} and target_id = ${id} limit 1`)
  if (dup.rows.length) throw conflict('You have already voted on this; change your vote instead.', { vote: dup.rows[0].id })
  data.target = { relationTo: collection, value: id }
  data.targetCollection = collection
  data.targetId = id
  return data
}

export const voteAfterChange: CollectionAfterChangeHook = async ({ doc, req }) => {
  await recountVotes(await txOf(req), doc.targetCollection, Number(doc.targetId))
  return doc
}

export const voteAfterDelete: CollectionAfterDeleteHook = async ({ doc, req }) => {
  await recountVotes(await txOf(req), doc.targetCollection, Number(doc.targetId))
  return doc
}

/**
 * Toggle/replace: no vote → create; the same value → remove; another value → replace. Serialized per target
 * (advisory lock) so concurrent votes — even the same user's double click — leave exact counters.
 */
export async function castVote(
  req: PayloadRequest,
  userId: number,
  collection: string,
  id: number,
  value: VoteValue,
): Promise<{ action: 'create' | 'remove' | 'replace'; vote: Record<string, unknown> | null; counts: VoteCounts }> {
  return withTransaction(req, async (tx) => {
    await advisoryLock(tx, VOTE_LOCK, `${collection}:${id}`)
    const existing = await tx.execute(sql`select id, value from votes where user_id = ${userId} and target_collection = ${collection} and target_id = ${id} limit 1`)
    const row = existing.rows[0] as { id: number; value: VoteValue } | undefined
    const action = voteAction(row?.value, value)
    let vote: Record<string, unknown> | null = null
    if (action === 'create') {
      vote = await req.payload.create({ collection: 'votes' as never, req, overrideAccess: true, depth: 0, data: { user: userId, target: { relationTo: collection, value: id }, value } as never })
    } else if (action === 'remove') {
      await req.payload.delete({ collection: 'votes' as never, id: row!.id, req, overrideAccess: true })
    } else {
      vote = await req.payload.update({ collection: 'votes' as never, id: row!.id, req, overrideAccess: true, depth: 0, data: { value } as never })
    }
    const counts = await recountVotes(tx, collection, id)
    return { action, vote, counts }
  })
}
