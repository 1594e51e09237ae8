/**
 * Composable access predicates. Each returns `true`, `false` or a `Where` (row-level rule, filtered in SQL).
 * Every collection sets every operation with these; nothing relies on Payload's default.
 */
import type { Access, AccessArgs, FieldAccess, Where } from 'payload'

import { allSettledOrThrow } from '../lib/settle'
import { canWrite, isAdminUser, type Role, userHasRole, userOf } from './roles'

export * from './roles'
export * from './privacy'

type Result = boolean | Where
type Predicate = (args: AccessArgs) => Result | Promise<Result>

export const anyone: Access = () => true
export const nobody: Access = () => false
export const authenticated: Access = ({ req }) => Boolean(userOf(req))

export const hasRole =
  (...roles: Role[]): Access =>
  ({ req }) =>
    userHasRole(userOf(req), ...roles)

export const isAdmin: Access = ({ req }) => isAdminUser(userOf(req))

/** Rows whose `field` (a relationship to users) is the caller. */
export const isOwner =
  (field = 'user'): Access =>
  ({ req }) => {
    const user = userOf(req)
    return user ? ({ [field]: { equals: user.id } } as Where) : false
  }

/** The caller's own user document (for the users collection itself). */
export const isSelf: Access = ({ req }) => {
  const user = userOf(req)
  return user ? { id: { equals: user.id } } : false
}

/** Rows whose `field` is one of `values` (e.g. published posts, active listings). */
export const whereIn =
  (field: string, values: readonly string[]): Access =>
  () =>
    ({ [field]: { in: [...values] } }) as Where

export const published = (field = '_status', values: readonly string[] = ['published']): Access => whereIn(field, values)

function combine(results: Result[], mode: 'or' | 'and'): Result {
  if (mode === 'or') {
    if (results.some((r) => r === true)) return true
    const wheres = results.filter((r): r is Where => typeof r === 'object' && r !== null)
    if (!wheres.length) return false
    return wheres.length === 1 ? wheres[0] : { or: wheres }
  }
  if (results.some((r) => r === false)) return false
  const wheres = results.filter((r): r is Where => typeof r === 'object' && r !== null)
  if (!wheres.length) return true
  return wheres.length === 1 ? wheres[0] : { and: wheres }
}

/** Any predicate grants: `true` wins, `Where`s are OR-ed, otherwise denied. */
export const or =
  (...predicates: Predicate[]): Access =>
  async (args) =>
    combine(await allSettledOrThrow(predicates.map((p) => p(args))), 'or')

/** Every predicate must grant: `false` wins, `Where`s are AND-ed. */
export const and =
  (...predicates: Predicate[]): Access =>
  async (args) =>
    combine(await allSettledOrThrow(predicates.map((p) => p(args))), 'and')

/** Writes need an account that may write (not suspended, not inactive). */
export const canWriteAccess: Access = ({ req }) => canWrite(userOf(req))

// ---------- field-level access (boolean only) ----------

export const fieldAdminOnly: FieldAccess = ({ req }) => isAdminUser(userOf(req))
export const fieldRoles =
  (...roles: Role[]): FieldAccess =>
  ({ req }) =>
    userHasRole(userOf(req), ...roles)

/** Readable by admins and by the user named in `field` of the document (or the document itself for users). */
export const fieldOwnerOrAdmin =
  (field: string | null = null): FieldAccess =>
  ({ req, doc, id }) => {
    const user = userOf(req)
    if (!user) return false
    if (isAdminUser(user)) return true
    if (field === null) return String(doc?.id ?? id) === String(user.id)
    const value = doc?.[field]
    const ownerId = value && typeof value === 'object' ? value.id : value
    return ownerId != null && String(ownerId) === String(user.id)
  }
