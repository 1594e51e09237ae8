import type { CollectionAfterLoginHook } from 'payload'

import type { User } from '@payload-types'

import { mergeGuestCart } from '@/db/commerce'
import { CART_TOKEN_HEADER } from '@/domain/commerce'

/**
 * users `afterLogin`: a guest cart sent in the login request's `X-Cart-Token` header is merged into the
 * user's cart (in the login's transaction). A bad or unknown token is ignored; it never fails the login.
 */
export const mergeGuestCartOnLogin: CollectionAfterLoginHook<User> = async ({ req, user }) => {
  const token = req.headers.get(CART_TOKEN_HEADER)
  if (!token) return user
  try {
    await mergeGuestCart(req, user.id, token)
  } catch (err) {
    req.payload.logger.warn({ err, msg: 'guest cart merge failed' })
  }
  return user
}
