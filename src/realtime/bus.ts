/**
 * The bridge from hooks and workflows to socket.io rooms. The express server registers its socket.io
 * server here at start; without one (scripts, jobs worker, Local API tests) emits are no-ops.
 * With the postgres adapter installed on the server, an emit reaches clients on every instance.
 */
import { afterCommit } from '@/lib/after-commit'

export interface RealtimeEmitter {
  to(room: string): { emit(event: string, payload: unknown): unknown }
}

const g = globalThis as unknown as { __autohubRealtime?: RealtimeEmitter | null }

export function registerRealtime(emitter: RealtimeEmitter | null): void {
  g.__autohubRealtime = emitter
}

/** Emits to a room — inside an API request, once the request's transaction has committed (src/lib/after-commit.ts). */
export function emitToRoom(room: string, event: string, payload: unknown): void {
  const emitter = g.__autohubRealtime
  if (!emitter) return
  if (!afterCommit((named) => emitter.to(room).emit(event, named(payload)))) emitter.to(room).emit(event, payload)
}

export const userRoom = (userId: number | string) => `user:${userId}`
export const bookingRoom = (bookingId: number | string) => `booking:${bookingId}`
/** Every signed-in socket joins `broadcast` and `role:<role>` for each of its roles (admin broadcasts). */
export const BROADCAST_ROOM = 'broadcast'
export const roleRoom = (role: string) => `role:${role}`
