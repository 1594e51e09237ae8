/**
 * Who may join which room. Domains register an authorizer per room kind (`booking` → may this user, or this
 * guest token, follow booking N?). The user's own room `user:<id>` is joined automatically on connect.
 */
import type { Payload } from 'payload'

import type { AccessUser } from '@/access/roles'

export interface RoomRequest {
  payload: Payload
  user: AccessUser | null
  /** A guest token from the handshake (`auth.guestToken`), for guest bookings. */
  guestToken?: string
  id: string
}

export type RoomAuthorizer = (r: RoomRequest) => Promise<boolean>

const g = globalThis as unknown as { __autohubRoomAuthorizers?: Map<string, RoomAuthorizer> }
const authorizers = (g.__autohubRoomAuthorizers ??= new Map())

export function registerRoomAuthorizer(kind: string, authorize: RoomAuthorizer): void {
  authorizers.set(kind, authorize)
}

export function roomAuthorizer(kind: string): RoomAuthorizer | undefined {
  return authorizers.get(kind)
}
