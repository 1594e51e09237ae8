/**
 * Helpers for thin custom endpoints: errors in Payload's shape, JSON bodies, the caller.
 * Throwing an `APIError` from an endpoint or hook makes Payload answer `{ errors: [{ message, data }] }`.
 */
import { APIError, type PayloadRequest } from 'payload'

import { type AccessUser, canWrite, type Role, userHasRole, userOf } from '@/access/roles'

export class HttpError extends APIError {
  constructor(status: number, message: string, data?: Record<string, unknown>) {
    super(message, status, data ?? null, true)
    // Payload logs errors by name (config `loggingLevels`): a client's mistake (4xx) is logged as info, one line;
    // a 5xx (e.g. the payment provider failing) stays an error with its stack.
    if (status < 500) this.name = CLIENT_ERROR
  }
}

/** The error name of 4xx `HttpError`s (payload.config.ts `loggingLevels`). */
export const CLIENT_ERROR = 'HttpClientError'

export const badRequest = (message: string, data?: Record<string, unknown>) => new HttpError(400, message, data)
export const unauthorized = (message = 'You must be signed in.') => new HttpError(401, message)
export const forbidden = (message = 'You are not allowed to perform this action.') => new HttpError(403, message)
export const notFound = (message = 'Not found.') => new HttpError(404, message)
export const conflict = (message: string, data?: Record<string, unknown>) => new HttpError(409, message, data)

/** A 400 naming the invalid fields, shaped like Payload's own ValidationError. */
export function invalidFields(errors: { path: string; message: string }[]): HttpError {
  const paths = errors.map((e) => e.path).join(', ')
  return new HttpError(400, `The following field${errors.length > 1 ? 's are' : ' is'} invalid: ${paths}`, { errors })
}

export const json = (data: unknown, status = 200, headers?: Record<string, string>): Response => Response.json(data, { status, headers })

/** Parses the JSON body once; a missing or malformed body is a 400, never a 500. */
export async function readJson<T = Record<string, unknown>>(req: PayloadRequest): Promise<T> {
  if (req.data && typeof req.data === 'object') return req.data as T
  const contentType = req.headers.get('content-type') ?? ''
  if (typeof req.json !== 'function') return {} as T
  try {
    const text = req.text ? await req.text() : ''
    if (!text) return {} as T
    if (contentType && !contentType.includes('json')) throw badRequest('Expected a JSON body (Content-Type: application/json).')
    const parsed = JSON.parse(text)
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw badRequest('The JSON body must be an object.')
    req.data = parsed
    return parsed as T
  } catch (err) {
    if (err instanceof APIError) throw err
    throw badRequest('Malformed JSON body.')
  }
}

/** The signed-in platform user, or null (`userOf` in src/access/roles.ts). */
export const currentUser = (req: PayloadRequest): AccessUser | null => userOf(req)

/** The signed-in user, or 401. With `write`, also 403 for suspended or inactive accounts. */
/** 403 for a suspended or inactive account (it may read, not write). */
export function assertCanWrite(user: AccessUser): void {
  if (!canWrite(user)) throw forbidden('Your account is suspended or inactive: it can read but not write.')
}

export function requireUser(req: PayloadRequest, opts: { write?: boolean; roles?: Role[] } = {}): AccessUser {
  const user = currentUser(req)
  if (!user) throw unauthorized()
  if (opts.write) assertCanWrite(user)
  if (opts.roles && !userHasRole(user, ...opts.roles)) throw forbidden()
  return user
}

/** Route parameter (`/:id`) as a positive integer id, or 404. */
export function routeId(req: PayloadRequest, name = 'id'): number {
  const raw = (req.routeParams as Record<string, unknown> | undefined)?.[name]
  const id = Number(raw)
  if (!Number.isInteger(id) || id <= 0) throw notFound()
  return id
}

export const searchParams = (req: PayloadRequest): URLSearchParams => req.searchParams ?? new URL(req.url ?? 'http://localhost/').searchParams

/** Throws one 400 naming every invalid field collected by an `Input`. */
export function assertValid(input: { ok: boolean; errors: { path: string; message: string }[] }): void {
  if (!input.ok) throw invalidFields(input.errors)
}
