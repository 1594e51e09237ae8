/** Casting a vote: toggle or replace the caller's vote on a review, comment or forum response. */
import type { PayloadRequest } from 'payload'

import type { Vote } from '@payload-types'
import { findVote, type VoteCounts } from '@/db/community'
import { advisoryLock, withTransaction } from '@/db/transaction'
import { type VotableCollection, voteAction, type VoteAction, type VoteValue } from '@/domain/community'
import { recountVotes, VOTE_LOCK } from '@hooks/community/votes'

/**
 * Toggle/replace: no vote → create; the same value → remove; another value → replace. Serialized per target
 * (advisory lock) so concurrent votes — even the same user's double click — leave exact counters.
 * Steps: lock the target → read the caller's vote → create/delete/update it (the votes hooks check the target) → recount.
 */
export async function castVote(
  req: PayloadRequest,
  userId: number,
  collection: VotableCollection,
  id: number,
  value: VoteValue,
): Promise<{ action: VoteAction; vote: Vote | null; counts: VoteCounts }> {
  return withTransaction(req, async (tx) => {
    await advisoryLock(tx, VOTE_LOCK, `${collection}:${id}`)
    const existing = await findVote(tx, userId, collection, id)
    const action = voteAction(existing?.value as VoteValue | undefined, value)
    let vote: Vote | null = null
    if (action === 'create') {
      vote = await req.payload.create({ collection: 'votes', req, overrideAccess: true, depth: 0, data: { user: userId, target: { relationTo: collection, value: id }, value } })
    } else if (action === 'remove') {
      await req.payload.delete({ collection: 'votes', id: existing!.id, req, overrideAccess: true })
    } else {
      vote = await req.payload.update({ collection: 'votes', id: existing!.id, req, overrideAccess: true, depth: 0, data: { value } })
    }
    const counts = await recountVotes(tx, collection, id)
    return { action, vote, counts }
  })
}
