/**
 * Comments hooks: honeypot, guest identity, per-IP rate limit (counted in the database under an advisory
 * lock, so it holds across instances), moderation status, threading rules, and the exact `commentsCount`
 * of posts — moved in the same transaction as the comment change.
 */
import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionBeforeChangeHook, CollectionBeforeValidateHook, PayloadRequest } from 'payload'

import type { Comment } from '@payload-types'

import { userHasRole } from '@/access/roles'
import { commentCountDeltas, initialCommentStatus, isHoneypotFilled, overRateLimit, sameTarget, targetRef, validateComment, type TargetRef } from '@/domain/content'
import { bumpPostCommentsCount, commentsFromIpLastMinute } from '@/db/content'
import { advisoryLock, txOf } from '@/db/transaction'
import { badRequest, currentUser, HttpError, invalidFields } from '@/lib/http'
import { clientIp } from '@/lib/request'
import { getPlatformSettings } from '@/lib/settings'

const userOf = currentUser

const isModerator = (req: PayloadRequest) => userHasRole(userOf(req), 'editor', 'admin')

/** Comments one IP may post per minute (COMMENT_RATE_LIMIT, default 5; 0 disables). */
export const commentRateLimit = (): number => {
  const n = Number(process.env.COMMENT_RATE_LIMIT ?? 5)
  return Number.isFinite(n) && n >= 0 ? n : 5
}

/** Honeypot and guest identity, before anything is written. */
export const commentsBeforeValidate: CollectionBeforeValidateHook<Comment> = ({ data, req, operation, context }) => {
  if (!data || operation !== 'create' || context?.seed) return data
  if (isHoneypotFilled(data)) throw badRequest('Your comment could not be accepted.')
  const user = userOf(req)
  const errors = validateComment(data, Boolean(user))
  if (errors.length) throw invalidFields(errors)
  if (user) {
    delete data.guestName
    delete data.guestEmail
  } else {
    data.guestName = String(data.guestName).trim()
    data.guestEmail = String(data.guestEmail).trim().toLowerCase()
  }
  data.body = String(data.body).trim()
  delete data.website
  return data
}

async function loadTarget(req: PayloadRequest, target: TargetRef): Promise<{ id: number } | null> {
  try {
    // The target must be visible to the commenter (a draft post or a pending listing cannot be commented).
    return await req.payload.findByID({
      collection: target.relationTo as 'posts' | 'cars' | 'parts',
      id: target.value as number,
      depth: 0,
      overrideAccess: req.payloadAPI === 'local' && !req.user,
      user: req.user ?? undefined,
      req,
      select: { createdAt: true },
    })
  } catch {
    return null
  }
}

export const commentsBeforeChange: CollectionBeforeChangeHook<Comment> = async ({ data, req, operation, originalDoc, context }) => {
  if (!data) return data
  const user = userOf(req)
  if (operation === 'update') {
    // A comment stays where it was posted, by whom it was posted.
    if (originalDoc) {
      data.target = originalDoc.target
      data.parent = originalDoc.parent
      data.author = originalDoc.author
    }
    if (data.status !== originalDoc?.status) data.moderatedAt = new Date().toISOString()
    return data
  }

  // create
  const target = targetRef(data.target)
  if (!target) throw invalidFields([{ path: 'target', message: 'Choose what you are commenting on.' }])
  const seeding = Boolean(context?.seed)
  if (!seeding && !(await loadTarget(req, target))) throw invalidFields([{ path: 'target', message: 'That item does not exist or cannot be commented.' }])

  const parentId = data.parent && typeof data.parent === 'object' ? (data.parent as { id?: unknown }).id : data.parent
  if (parentId != null && parentId !== '') {
    const parent = await req.payload.findByID({ collection: 'comments', id: parentId as number, depth: 0, overrideAccess: true, req }).catch(() => null)
    if (!parent) throw invalidFields([{ path: 'parent', message: 'The comment you reply to does not exist.' }])
    if (!sameTarget(targetRef(parent.target), target)) throw invalidFields([{ path: 'parent', message: 'A reply must be on the same item as its parent.' }])
    if (!seeding && !isModerator(req) && parent.status !== 'approved') throw invalidFields([{ path: 'parent', message: 'You can only reply to published comments.' }])
    data.parent = parent.id
  } else {
    data.parent = null
  }

  const explicitAuthor = (isModerator(req) || seeding) && data.author ? data.author : null
  data.author = explicitAuthor ?? (user ? Number(user.id) : null)
  const moderation = (await getPlatformSettings(req)).commentModeration
  data.status = initialCommentStatus({ moderation, moderator: isModerator(req) || seeding, requested: data.status })
  data.likesCount = 0

  const ip = clientIp(req)
  data.ip = ip || null
  if (req.payloadAPI !== 'local' && !isModerator(req)) {
    const limit = commentRateLimit()
    if (limit > 0) {
      const key = ip || 'unknown'
      const tx = await txOf(req)
      await advisoryLock(tx, 'comments:ip', key)
      if (overRateLimit(await commentsFromIpLastMinute(tx, key), limit)) {
        throw new HttpError(429, 'Too many comments from your address. Try again in a minute.')
      }
    }
  }
  return data
}

/** Moves posts.commentsCount (and the latest version row, so the admin shows it) by `delta`, atomically. */
async function bumpPostCount(req: PayloadRequest, postId: string, delta: number): Promise<void> {
  const id = Number(postId)
  if (!Number.isInteger(id)) return
  await bumpPostCommentsCount(await txOf(req), id, delta)
}

const counted = (doc: Comment | null | undefined) => (doc ? { status: doc.status, target: targetRef(doc.target) } : null)

export const commentsAfterChange: CollectionAfterChangeHook<Comment> = async ({ doc, previousDoc, operation, req }) => {
  const before = operation === 'create' ? null : counted(previousDoc)
  for (const [postId, delta] of commentCountDeltas(before, counted(doc))) await bumpPostCount(req, postId, delta)
  return doc
}

export const commentsAfterDelete: CollectionAfterDeleteHook<Comment> = async ({ doc, req }) => {
  for (const [postId, delta] of commentCountDeltas(counted(doc), null)) await bumpPostCount(req, postId, delta)
  return doc
}
