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

/**
 * Client → server events a domain answers (e.g. the technician app's `update-location`). The handler gets the
 * socket's user (null: anonymous) and the message; what it returns (or the 4xx it throws, as `{ ok: false, error,
 * status }`) goes back to the client's ack and, on failure, as an `error` event.
 */
export interface SocketEventRequest {
  payload: Payload
  user: AccessUser | null
  guestToken?: string
  message: unknown
}

export type SocketEventHandler = (r: SocketEventRequest) => Promise<unknown>

const h = globalThis as unknown as { __autohubSocketHandlers?: Map<string, SocketEventHandler> }
const handlers = (h.__autohubSocketHandlers ??= new Map())

export function registerSocketHandler(event: string, handle: SocketEventHandler): void {
  handlers.set(event, handle)
}

export function socketHandlers(): [string, SocketEventHandler][] {
  return [...handlers.entries()]
}
