/**
 * Platform-wide guards applied to every collection and global, so no collection can forget them:
 * - suspended or inactive accounts cannot create, update or delete anything (they can still read);
 * - public list requests (REST and GraphQL) cannot ask for more than the maximum page size, nor disable
 *   pagination (`?limit=0`, `pagination=false`): they are clamped. Admins and the Local API are not clamped;
 * - a value PostgreSQL cannot take for its column (an unknown option of a select in a `where`, a malformed
 *   date…: SQLSTATE class 22, "data exception") is the client's mistake: 400 naming the value, not a 500.
 */
import type { Access, AfterErrorHook, CollectionBeforeOperationHook, Config, Plugin } from 'payload'

import { canWrite, isAdminUser, type AccessUser } from '@/access/roles'
import { clampPageSize } from '@/domain/pagination'
import { env } from '@/lib/env'

const denySuspended =
  (original: Access | undefined): Access =>
  (args) => {
    const user = args.req.user as unknown as AccessUser | null
    if (user && (user as { collection?: string }).collection === 'users' && !canWrite(user)) return false
    return original ? original(args) : Boolean(args.req.user)
  }

export const clampListLimit: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation !== 'read' || req.payloadAPI === 'local') return args
  if (isAdminUser(req.user as unknown as AccessUser)) return args
  if (!('limit' in args) && !('pagination' in args)) return args
  const max = env.maxPageSize
  const a = args as { limit?: number; pagination?: boolean }
  if (a.pagination === false || a.limit === 0 || (typeof a.limit === 'number' && a.limit > max)) {
    return { ...args, limit: clampPageSize(a.limit, max), pagination: true }
  }
  return args
}

/** The PostgreSQL data exception (SQLSTATE 22xxx) behind an error, through drizzle's `cause` chain. */
export function dataExceptionOf(err: unknown): { code: string; message: string } | null {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, message } = e as { code?: unknown; message?: unknown }
    if (typeof code === 'string' && /^22[0-9A-Z]{3}$/.test(code)) return { code, message: String(message) }
  }
  return null
}

export const dataExceptionAs400: AfterErrorHook = ({ error }) => {
  const found = dataExceptionOf(error)
  if (!found) return
  return { status: 400, response: { errors: [{ message: `Invalid value: ${found.message}.` }] } }
}

export const platformGuards = (): Plugin => (config: Config): Config => ({
  ...config,
  hooks: { ...config.hooks, afterError: [...(config.hooks?.afterError ?? []), dataExceptionAs400] },
  collections: (config.collections ?? []).map((c) => ({
    ...c,
    access: {
      ...c.access,
      create: denySuspended(c.access?.create),
      update: denySuspended(c.access?.update),
      delete: denySuspended(c.access?.delete),
    },
    hooks: { ...c.hooks, beforeOperation: [clampListLimit, ...(c.hooks?.beforeOperation ?? [])] },
  })),
  globals: (config.globals ?? []).map((g) => ({
    ...g,
    access: { ...g.access, update: denySuspended(g.access?.update) },
  })),
})
