/**
 * Social sign-in (OpenID Connect): what to do with a provider's verified identity. Pure: no I/O.
 *
 * 1. The (provider, subject) pair is already linked → sign that account in.
 * 2. No email from the provider → refused (400): nothing to create or link an account with.
 * 3. An account has the email → linked only when the provider says `email_verified: true`; otherwise refused
 *    (409): anyone can claim an unverified address at some provider, so linking would hand them the account.
 * 4. No account → a new buyer account (its email verified as the provider says).
 */
export type OidcPlan =
  { kind: 'sign_in'; userId: number } | { kind: 'link'; userId: number } | { kind: 'create'; email: string; emailVerified: boolean } | { kind: 'refuse'; status: 400 | 409; message: string }

export interface OidcFacts {
  linkedUserId: number | null
  emailUserId: number | null
  email: string | null
  emailVerified: boolean
}

export function planOidcSignIn(f: OidcFacts): OidcPlan {
  if (f.linkedUserId !== null) return { kind: 'sign_in', userId: f.linkedUserId }
  if (!f.email) return { kind: 'refuse', status: 400, message: 'The provider did not share an email address; it is needed to sign in.' }
  if (f.emailUserId !== null) {
    if (f.emailVerified) return { kind: 'link', userId: f.emailUserId }
    return { kind: 'refuse', status: 409, message: 'An account with this email already exists and the provider has not verified the email. Sign in with your password instead.' }
  }
  return { kind: 'create', email: f.email, emailVerified: f.emailVerified }
}

/** `email_verified` as providers send it (boolean, or the string "true" from some). */
export const claimTrue = (v: unknown): boolean => v === true || v === 'true'

/** A same-site path to return to after sign-in (never another origin). */
export function safeReturnPath(raw: unknown, fallback = '/admin'): string {
  if (typeof raw !== 'string' || !raw.startsWith('/') || raw.startsWith('//') || raw.includes('\\')) return fallback
  return raw.slice(0, 500)
}
