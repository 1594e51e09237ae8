/**
 * Platform-wide guards applied to every collection and global, so no collection can forget them:
 * - suspended or inactive accounts cannot create, update or delete anything (they can still read);
 * - client input (REST and GraphQL) is checked before any work (src/plugins/input-guards.ts): list requests
 *   cannot ask for more than the maximum page size nor disable pagination (`limit=0`, `pagination=false` are
 *   clamped for every role; `limit=-1`, `limit=abc`, fractions → 400); `where`/`sort`/`depth`/`locale` and
 *   create/update bodies are type-checked against the collection's fields (400 naming the field), and a global's
 *   update body against the global's. The Local API is not clamped;
 * - integer number fields (`custom: { integer: true }`) take whole numbers on every write path;
 * - a value PostgreSQL cannot take for its column (an unknown option of a select in a `where`, a malformed
 *   date…: SQLSTATE class 22, "data exception"), an operator or type mismatch the input guard did not foresee
 *   (42883 undefined_function, 42804 datatype_mismatch), a reference to a missing row (23503), an empty value for a
 *   NOT NULL column (23502), a row a CHECK constraint refuses (23514) and a taken unique value Payload did not catch
 *   itself (23505: a bulk update) are the client's mistake: 400 naming the value, column or rule, not a 500 (the
 *   input guard names the field first wherever the config says enough). Found behind a later statement's 25P02 too
 *   (src/db/pool.ts gives it the failure that aborted the transaction as its cause);
 * - a client's create or update refers only to documents the caller may read (src/plugins/reference-guard.ts);
 * - a client's duplicate copies no field the caller could not write on a create or may not read on the original;
 * - deleting a document that others still need (a foreign key without cascade, or one whose `SET NULL` meets a
 *   required column: a user's sign-in history, orders…) is a 409 naming the referencing table, not a 500; the
 *   operation's transaction rolls back, so nothing is deleted.
 */
import type { Access, AfterErrorHook, CollectionConfig, Config, GlobalConfig, Plugin } from 'payload'

import { canWrite, type AccessUser } from '@/access/roles'
import { causeChain } from '@/db/errors'

import { duplicateGuard, globalInputGuard, inputGuard, withIntegerValidation } from './input-guards'
import { referenceGuard } from './reference-guard'

const denySuspended =
  (original: Access | undefined): Access =>
  (args) => {
    const user = args.req.user as unknown as AccessUser | null
    if (user && (user as { collection?: string }).collection === 'users' && !canWrite(user)) return false
    return original ? original(args) : Boolean(args.req.user)
  }

/**
 * The PostgreSQL error behind an error, through drizzle's `cause` chain, when it is the client's fault: a data
 * exception (SQLSTATE 22xxx), an operator or type mismatch (42883, 42804), a reference to a missing row (23503), an
 * empty NOT NULL column (23502), a row its CHECK constraint refuses (23514) or a taken unique value (23505).
 */
export function dataExceptionOf(err: unknown): { code: string; message: string } | null {
  for (const e of causeChain(err)) {
    const { code, message, column, constraint } = e as { code?: unknown; message?: unknown; column?: unknown; constraint?: unknown }
    if (typeof code !== 'string') continue
    if (/^22[0-9A-Z]{3}$/.test(code) || code === '42883' || code === '42804') return { code, message: String(message) }
    if (code === '23503') return { code, message: 'a referenced document does not exist' }
    if (code === '23502') return { code, message: `${typeof column === 'string' ? `"${column}"` : 'a required value'} cannot be empty` }
    if (code === '23514') return { code, message: `the document breaks the rule ${typeof constraint === 'string' ? `"${constraint}"` : 'of its table'}` }
    if (code === '23505') {
      // the key's columns, not its values: a composite key may hold more than the client sent
      const key = /^Key \((.+?)\)=/.exec(String((e as { detail?: unknown }).detail ?? ''))
      return { code, message: key ? `"${key[1]}" must be unique, and the value is taken` : 'a value that must be unique is taken' }
    }
  }
  return null
}

/**
 * The table that still references a row being deleted, when that is what failed: 23503 "is still referenced from
 * table", or 23502 raised by a foreign key's `ON DELETE SET NULL` action into a NOT NULL column.
 */
export function stillReferencedBy(err: unknown): string | null {
  for (const e of causeChain(err)) {
    const { code, detail, where } = e as { code?: unknown; detail?: unknown; where?: unknown }
    if (code === '23503' && typeof detail === 'string') {
      const m = /is still referenced from table "([^"]+)"/.exec(detail)
      if (m) return m[1]
    }
    if (code === '23502' && typeof where === 'string') {
      const m = /UPDATE ONLY "[^"]+"\."([^"]+)" SET "[^"]+" = NULL WHERE/.exec(where)
      if (m) return m[1]
    }
  }
  return null
}

/** The client's answer to a database error that is the client's doing, or null. */
function clientAnswerOf(error: unknown): { status: number; message: string; data?: Record<string, unknown> } | null {
  const referencing = stillReferencedBy(error)
  if (referencing) {
    const what = referencing.replace(/_/g, ' ')
    return { status: 409, message: `This document is still referenced by ${what} and cannot be deleted.`, data: { referencedBy: referencing } }
  }
  const found = dataExceptionOf(error)
  return found ? { status: 400, message: `Invalid value: ${found.message}.` } : null
}

/**
 * Database errors that are the client's doing: 409 for a delete others still need, 400 for a data exception — over
 * REST, and over GraphQL as the error's message and `extensions.statusCode` (the thrown error is the GraphQL
 * error's `originalError` there).
 */
export const databaseErrorsAsClientErrors: AfterErrorHook = ({ error, graphqlResult }) => {
  if (graphqlResult) {
    const answer = clientAnswerOf((error as { originalError?: unknown }).originalError ?? error)
    if (!answer) return
    const extensions = { ...graphqlResult.extensions, statusCode: answer.status, ...(answer.data ? { data: answer.data } : {}) }
    return { graphqlResult: { ...graphqlResult, message: answer.message, extensions } }
  }
  const answer = clientAnswerOf(error)
  if (!answer) return
  return { status: answer.status, response: { errors: [{ message: answer.message, ...(answer.data ? { data: answer.data } : {}) }] } }
}

/**
 * The guards of one collection's operations: suspended accounts create, update and delete nothing; client input is
 * checked before any other work. Also applied to the collections Payload adds after the plugins
 * (src/plugins/payload-own.ts).
 */
export const guardedOperations = (c: Pick<CollectionConfig, 'access' | 'hooks'>): Pick<CollectionConfig, 'access' | 'hooks'> => ({
  access: {
    ...c.access,
    create: denySuspended(c.access?.create),
    update: denySuspended(c.access?.update),
    delete: denySuspended(c.access?.delete),
  },
  hooks: { ...c.hooks, beforeOperation: [inputGuard, ...(c.hooks?.beforeOperation ?? [])], beforeChange: [duplicateGuard, ...(c.hooks?.beforeChange ?? []), referenceGuard] },
})

/** The same for a global: suspended accounts update nothing; a client's locale and body are checked first. */
export const guardedGlobalOperations = (g: Pick<GlobalConfig, 'access' | 'hooks'>): Pick<GlobalConfig, 'access' | 'hooks'> => ({
  access: { ...g.access, update: denySuspended(g.access?.update) },
  hooks: { ...g.hooks, beforeOperation: [globalInputGuard, ...(g.hooks?.beforeOperation ?? [])] },
})

/** Whether a collection's operations carry the guards (every collection of the built config should). */
export const isGuarded = (c: Pick<CollectionConfig, 'hooks'>): boolean => Boolean(c.hooks?.beforeOperation?.includes(inputGuard))
export const isGuardedGlobal = (g: Pick<GlobalConfig, 'hooks'>): boolean => Boolean(g.hooks?.beforeOperation?.includes(globalInputGuard))

export const platformGuards =
  (): Plugin =>
  (config: Config): Config => ({
    ...config,
    hooks: { ...config.hooks, afterError: [...(config.hooks?.afterError ?? []), databaseErrorsAsClientErrors] },
    collections: (config.collections ?? []).map((c) => ({ ...c, ...guardedOperations(c), fields: withIntegerValidation(c.fields) })),
    globals: (config.globals ?? []).map((g) => ({ ...g, ...guardedGlobalOperations(g) })),
  })
