/** Messaging endpoints: contact a seller, post a message, mark a conversation read. */
import { z } from 'zod'

import { LISTING_COLLECTIONS } from '@/domain/community'
import { defineEndpoint } from '@/http/define-endpoint'
import { json } from '@/lib/http'

import { contactSeller, markConversationRead, postMessage } from './operations/messaging'
import { optStr, polymorphic, str } from '@/http/fields'

const ATTACHMENTS_ERROR = 'attachments must be a list of up to 10 media ids.'

/** `POST /api/conversations/:id/messages { body, attachments? }` — participants only. */
export const postMessageEndpoint = defineEndpoint({
  method: 'post',
  path: '/:id/messages',
  summary: 'A participant posts a message; the recipient is notified (in-app, socket.io, email per preferences).',
  auth: 'write',
  status: 201,
  body: z.object({
    body: str('body', { max: 5000 }),
    attachments: z
      .array(z.union([z.number(), z.string(), z.object({ id: z.union([z.number(), z.string()]) })]), { error: ATTACHMENTS_ERROR })
      .max(10, ATTACHMENTS_ERROR)
      .transform((list, ctx) => {
        const ids = list.map((a) => Number(typeof a === 'object' ? a.id : a))
        if (ids.some((n) => !Number.isInteger(n) || n <= 0)) ctx.addIssue({ code: 'custom', message: ATTACHMENTS_ERROR })
        return ids
      })
      .nullish()
      .transform((v) => v ?? undefined),
  }),
  run: ({ req, user, id, body }) => postMessage(req, user, id, { body: body.body, attachments: body.attachments }),
})

/** `POST /api/conversations/:id/read`. */
export const markConversationReadEndpoint = defineEndpoint({
  method: 'post',
  path: '/:id/read',
  summary: 'Marks every message addressed to the caller read; their unread count becomes 0.',
  auth: 'user',
  run: ({ req, user, id }) => markConversationRead(req, user, id),
})

/** `POST /api/contact-seller { listing: { relationTo: cars|parts, value }, message, subject? }`. */
export const contactSellerEndpoint = defineEndpoint({
  method: 'post',
  path: '/contact-seller',
  summary: "Opens (or reuses) the caller's conversation with a listing's seller and posts the message.",
  auth: 'write',
  body: z.object({
    listing: polymorphic('listing', LISTING_COLLECTIONS),
    message: str('message', { max: 5000 }),
    subject: optStr('subject', { max: 200 }),
  }),
  run: async ({ req, user, body }) => {
    const result = await contactSeller(req, user, body)
    return json(result, result.reused ? 200 : 201)
  },
})
