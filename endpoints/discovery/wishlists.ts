/** `GET /api/wishlists/shared/:token`: a public wishlist read by anyone holding its share token. */
import { defineEndpoint } from '@/http/define-endpoint'

import { sharedWishlist } from './operations/wishlists'

export const sharedWishlistEndpoint = defineEndpoint({
  method: 'get',
  path: '/shared/:token',
  summary: 'A public wishlist by its share token, items the caller may read.',
  auth: 'public',
  run: ({ req }) => sharedWishlist(req, String((req.routeParams as Record<string, unknown> | undefined)?.token ?? '')),
})
