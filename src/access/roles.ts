/** Roles and the account rules that every access predicate builds on. Pure: no Payload import. */
export const ROLES = ['admin', 'editor', 'seller', 'buyer', 'technician', 'parking_owner'] as const
export type Role = (typeof ROLES)[number]

/** Roles a visitor may choose at public sign-up; every other role is granted by an admin. */
export const PUBLIC_SIGNUP_ROLES: readonly Role[] = ['buyer', 'seller', 'parking_owner']

export const ACCOUNT_STATUSES = ['active', 'suspended', 'inactive'] as const
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number]

/** The slice of a user that access decisions need (what the JWT carries). */
export interface AccessUser {
  id: number | string
  collection?: string
  roles?: Role[] | null
  status?: AccountStatus | null
  suspendedUntil?: string | Date | null
}

/** The signed-in platform user of a request (API keys and sessions of the `users` collection), or null. */
export const userOf = (req: { user?: unknown }): AccessUser | null => (req.user && (req.user as { collection?: string }).collection === 'users' ? (req.user as AccessUser) : null)

export const rolesOf = (user: AccessUser | null | undefined): Role[] => (user?.roles ?? []) as Role[]

export const userHasRole = (user: AccessUser | null | undefined, ...roles: Role[]): boolean => Boolean(user) && rolesOf(user).some((r) => roles.includes(r))

export const isAdminUser = (user: AccessUser | null | undefined): boolean => userHasRole(user, 'admin')

/**
 * A suspended account can read but not write until `suspendedUntil` has passed (no date: until lifted);
 * an inactive account cannot write either.
 */
export function canWrite(user: AccessUser | null | undefined, now: Date = new Date()): boolean {
  if (!user) return false
  if (user.status === 'inactive') return false
  if (user.status === 'suspended') {
    if (!user.suspendedUntil) return false
    return new Date(user.suspendedUntil).getTime() <= now.getTime()
  }
  return true
}

/** Roles a creator may assign: admins any, everyone else only the public sign-up roles (buyer by default). */
export function sanitizeSignupRoles(requested: unknown, creator: AccessUser | null | undefined): Role[] {
  const wanted = (Array.isArray(requested) ? requested : []).filter((r): r is Role => (ROLES as readonly string[]).includes(r as string))
  if (isAdminUser(creator)) return wanted.length ? [...new Set(wanted)] : ['buyer']
  const allowed = [...new Set(wanted.filter((r) => PUBLIC_SIGNUP_ROLES.includes(r)))]
  return allowed.length ? allowed : ['buyer']
}
