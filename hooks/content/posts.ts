/**
 * Posts hooks: slug from the English title (unique, editable), default author, reading time, publishedAt,
 * read-only counters restored from the live row (so an admin save never overwrites what comments wrote),
 * author output reduced to name + avatar, and the editor-only "scheduled" column.
 */
import type { CollectionAfterReadHook, CollectionBeforeChangeHook, CollectionBeforeValidateHook, FieldHook, PayloadRequest } from 'payload'

import type { Post } from '@payload-types'

import { userHasRole } from '@/access/roles'
import { currentUser } from '@/lib/http'
import { readingTimeMinutes, slugify, uniqueSlug } from '@/domain/content'
import { lockPostCounters } from '@/db/content'
import { txOf } from '@/db/transaction'

const userOf = currentUser

/** The content collections whose slug follows a title. */
export type SluggedCollection = 'posts' | 'categories' | 'tags'

export const isContentEditor = (req: PayloadRequest): boolean => userHasRole(userOf(req), 'editor', 'admin')

/** Finds a free slug in `collection` starting from `base` (ignoring the document itself). */
export async function freeSlug(req: PayloadRequest, collection: SluggedCollection, base: string, selfId?: number | string): Promise<string> {
  const res = await req.payload.find({
    collection,
    where: { slug: { like: base } },
    select: { slug: true },
    limit: 200,
    depth: 0,
    overrideAccess: true,
    pagination: false,
    req,
  })
  const taken = res.docs.filter((d) => selfId == null || String(d.id) !== String(selfId)).map((d) => d.slug ?? '')
  return uniqueSlug(base, taken)
}

/**
 * Slug: kept when given (editable); otherwise generated from the English title — on create in another
 * locale, from that title. Made unique with -2, -3….
 */
export const slugFromTitle =
  (source: 'title' | 'name' = 'title', collection: SluggedCollection = 'posts'): CollectionBeforeValidateHook =>
  async ({ data, req, originalDoc, operation }) => {
    if (!data) return data
    const given = typeof data.slug === 'string' ? slugify(data.slug) : ''
    if (given) {
      data.slug = given
      return data
    }
    if (originalDoc?.slug && operation === 'update' && data.slug === undefined) return data
    let title = typeof data[source] === 'string' ? (data[source] as string) : ''
    if (req.locale && req.locale !== 'en' && operation === 'update' && originalDoc?.id != null) {
      // The slug follows the English title: read it when editing another locale.
      const en = await req.payload
        .findByID({
          collection,
          id: originalDoc.id,
          locale: 'en',
          depth: 0,
          draft: true,
          overrideAccess: true,
          req,
        })
        .catch(() => null)
      const enTitle = en ? (en as { title?: unknown; name?: unknown })[source] : undefined
      if (typeof enTitle === 'string' && enTitle.trim()) title = enTitle
    }
    const base = slugify(title)
    if (!base) return data
    data.slug = await freeSlug(req, collection, base, originalDoc?.id)
    return data
  }

/** The creating editor becomes the author when none is given. */
export const defaultAuthor: CollectionBeforeValidateHook<Post> = ({ data, req, operation }) => {
  if (!data || operation !== 'create') return data
  const user = userOf(req)
  const authors = data.authors
  if ((!authors || authors.length === 0) && user && userHasRole(user, 'editor', 'admin')) data.authors = [Number(user.id)]
  return data
}

/** Reading time, publishedAt, and counters taken from the live row (never from the client or a stale draft). */
export const postsBeforeChange: CollectionBeforeChangeHook<Post> = async ({ data, req, operation, originalDoc }) => {
  if (!data) return data
  if (data.content !== undefined) data.readingTime = readingTimeMinutes(data.content)
  if (data._status === 'published' && !data.publishedAt) data.publishedAt = new Date().toISOString()
  if (operation === 'create') {
    data.viewsCount = 0
    data.commentsCount = 0
  } else if (originalDoc?.id != null) {
    const counters = await lockPostCounters(await txOf(req), Number(originalDoc.id))
    if (counters) {
      data.viewsCount = counters.viewsCount
      data.commentsCount = counters.commentsCount
    }
  }
  return data
}

/** Public post output carries only the authors' id, name and avatar (emails are also hidden by users' field access). */
export const authorsPublicShape: CollectionAfterReadHook = ({ doc, req }) => {
  if (!doc || !Array.isArray(doc.authors)) return doc
  if (userHasRole(userOf(req), 'admin')) return doc
  doc.authors = doc.authors.map((a: unknown) => {
    if (!a || typeof a !== 'object') return a
    const u = a as Record<string, unknown>
    return { id: u.id, firstName: u.firstName ?? null, lastName: u.lastName ?? null, avatar: u.avatar ?? null }
  })
  return doc
}

interface ScheduledJob {
  input?: { type?: string; doc?: { value?: unknown; relationTo?: string } }
  waitUntil?: string | null
}

/** Next pending schedulePublish job of a post, for editors: "publish · 2026-01-01T10:00:00.000Z". */
export async function nextSchedule(req: PayloadRequest, collection: string, id: number | string): Promise<string | null> {
  const res = await req.payload.find({
    collection: 'payload-jobs',
    where: {
      and: [
        { taskSlug: { equals: 'schedulePublish' } },
        { completedAt: { exists: false } },
        { hasError: { not_equals: true } },
        { 'input.doc.value': { equals: String(id) } },
        { 'input.doc.relationTo': { equals: collection } },
      ],
    },
    sort: 'waitUntil',
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const job = res.docs[0] as ScheduledJob | undefined
  if (!job?.waitUntil) return null
  return `${job.input?.type === 'unpublish' ? 'unpublish' : 'publish'} · ${new Date(job.waitUntil).toISOString()}`
}

export const scheduledColumn: FieldHook<Post> = async ({ req, data, originalDoc }) => {
  if (!isContentEditor(req)) return null
  const id = data?.id ?? originalDoc?.id
  if (id == null) return null
  try {
    return await nextSchedule(req, 'posts', id as number)
  } catch {
    return null
  }
}
