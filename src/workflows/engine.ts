/**
 * Declarative state machines. One table per workflow drives the endpoint (`POST /:id/<action>`), the
 * `beforeChange` guard that rejects any other status change (admin panel included), the admin select
 * options and the docs. Pure: no Payload import.
 */
import type { AccessUser, Role } from '@/access/roles'
import { rolesOf } from '@/access/roles'

/** Who fires a transition: a role, or a relation of the actor to the document (`owner`, `assignee`…). */
export type Party = Role | (string & {})

export interface TransitionContext<D> {
  doc: D
  actor: AccessUser | null
  /** The parties the actor is for this document (roles plus relations such as `buyer`, `seller`). */
  parties: ReadonlySet<string>
  now: Date
  input?: Record<string, unknown>
}

export interface Transition<S extends string, D> {
  /** The action name used by endpoints (`accept`, `cancel`…). */
  action: string
  from: readonly S[]
  to: S
  /** Parties allowed to fire it. `system` is jobs and internal calls. */
  by: readonly Party[]
  /** Extra precondition: return an error message to refuse with 409, or null to allow. */
  guard?: (ctx: TransitionContext<D>) => string | null
  description?: string
  /**
   * The action that fires this transition and runs its effects (e.g. `POST /api/orders/:id/cancel`, or a job).
   * Set (here, or for the whole machine with {@link StateMachine.actionsOnly}), the transition is action-only:
   * a plain status edit (REST `PATCH`, the admin panel's save, a Local API update) that would fire it is
   * refused with 409 naming this action, because the edit would skip the effects. `false` keeps one transition
   * of an action-only machine patchable.
   */
  via?: string | false
  /** What the action does that a plain status edit would skip, for the refusal (`Cancelling an order returns its stock`). */
  effects?: string
}

export interface StateMachine<S extends string, D> {
  name: string
  /** The status field on the document. */
  field: string
  states: readonly S[]
  initial: S
  terminal: readonly S[]
  transitions: readonly Transition<S, D>[]
  /** Relations of an actor to a document (e.g. `buyer` when doc.buyer is the actor). */
  relations?: (doc: D, actor: AccessUser) => string[]
  /**
   * Party names that are relations only. When a relation shares its name with a role (`buyer`, `seller`),
   * list it here: then only the relation counts, and a user merely holding the role of that name is not that
   * party (a user with the `seller` role is not the seller of somebody else's listing).
   */
  relationNames?: readonly string[]
  /**
   * Every transition is action-only (see {@link Transition.via}); a transition without its own `via` is fired by
   * this template with `{action}` replaced (`POST /api/orders/:id/{action}`).
   */
  actionsOnly?: { via: string }
}

export function defineMachine<S extends string, D = Record<string, unknown>>(m: StateMachine<S, D>): StateMachine<S, D> {
  const known = new Set<string>(m.states)
  for (const t of m.transitions) {
    for (const s of [...t.from, t.to]) if (!known.has(s)) throw new Error(`${m.name}: unknown state ${s} in ${t.action}`)
  }
  if (!known.has(m.initial)) throw new Error(`${m.name}: unknown initial state ${m.initial}`)
  return m
}

/** The action that must fire `t` (its effects run there), or null when a plain status edit may fire it. */
export function actionOnlyVia<S extends string, D>(m: StateMachine<S, D>, t: Transition<S, D>): string | null {
  if (t.via === false) return null
  if (t.via) return t.via
  return m.actionsOnly ? m.actionsOnly.via.replace('{action}', t.action) : null
}

/** The refusal of a plain status edit that would fire the action-only transition `t`. */
export function actionOnlyMessage<S extends string, D>(m: StateMachine<S, D>, t: Transition<S, D>): string {
  const via = actionOnlyVia(m, t) ?? ''
  const what = t.effects ?? `Moving a ${m.name} to ${t.to} (${t.action}) has effects a status edit would skip`
  return `${what}: use ${via}.`
}

export type Decision<S extends string, D> = { ok: true; transition: Transition<S, D> } | { ok: false; status: 403 | 409; message: string; data?: Record<string, unknown> }

export function partiesOf<S extends string, D>(m: StateMachine<S, D>, doc: D, actor: AccessUser | null, system = false): Set<string> {
  const relationOnly = new Set<string>(m.relationNames ?? [])
  const parties = new Set<string>(rolesOf(actor).filter((r) => !relationOnly.has(r)))
  if (system) parties.add('system')
  if (actor && m.relations) for (const r of m.relations(doc, actor)) parties.add(r)
  return parties
}

/**
 * Decides whether `actor` may fire `action` (or move to state `to`) on `doc`:
 * not a party who may fire it → 403; wrong state or failed guard → 409.
 */
export function decide<S extends string, D>(
  m: StateMachine<S, D>,
  doc: D,
  request: { action?: string; to?: S },
  actor: AccessUser | null,
  opts: {
    system?: boolean
    now?: Date
    input?: Record<string, unknown>
    /**
     * A plain status edit (REST `PATCH`, admin panel, Local API update) rather than the action: a transition
     * declared action-only is not fired; when every transition that would apply is action-only → 409 naming
     * the action to use.
     */
    plainEdit?: boolean
  } = {},
): Decision<S, D> {
  const current = (doc as Record<string, unknown>)[m.field] as S
  const candidates = m.transitions.filter((t) => (request.action ? t.action === request.action : request.to !== undefined && t.to === request.to))
  if (!candidates.length) {
    return { ok: false, status: 409, message: `${m.name}: no transition ${request.action ?? `to ${request.to}`}.` }
  }
  const parties = partiesOf(m, doc, actor, opts.system)
  const permitted = candidates.filter((t) => t.by.some((p) => parties.has(p)))
  if (!permitted.length) return { ok: false, status: 403, message: `You may not ${request.action ?? `move this ${m.name} to ${request.to}`}.` }
  const fromHere = permitted.filter((t) => t.from.includes(current))
  if (!fromHere.length) {
    return {
      ok: false,
      status: 409,
      message: `Cannot ${request.action ?? `move to ${request.to}`}: the ${m.name} is ${current}.`,
    }
  }
  const ctx: TransitionContext<D> = { doc, actor, parties, now: opts.now ?? new Date(), input: opts.input }
  let lastRefusal = ''
  let actionOnly: Transition<S, D> | null = null
  for (const t of fromHere) {
    const refusal = t.guard?.(ctx) ?? null
    if (refusal !== null) {
      lastRefusal = refusal
      continue
    }
    if (opts.plainEdit && actionOnlyVia(m, t)) {
      actionOnly ??= t
      continue
    }
    return { ok: true, transition: t }
  }
  if (actionOnly) {
    return {
      ok: false,
      status: 409,
      message: actionOnlyMessage(m, actionOnly),
      data: { action: actionOnly.action, via: actionOnlyVia(m, actionOnly), from: current, to: actionOnly.to },
    }
  }
  return { ok: false, status: 409, message: lastRefusal }
}

/** Select options for the status field (values snake_case, labels human). */
export const statusOptions = <S extends string, D>(m: StateMachine<S, D>) => m.states.map((s) => ({ value: s, label: s.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase()) }))

/** A markdown table of the transitions, for the docs (docs/<domain>.md). */
export function describeMachine<S extends string, D>(m: StateMachine<S, D>): string {
  const rows = m.transitions.map((t) => `| \`${t.action}\` | ${t.from.join(', ')} | ${t.to} | ${t.by.join(', ')} | ${t.description ?? ''} |`)
  return ['| action | from | to | by | notes |', '|---|---|---|---|---|', ...rows].join('\n')
}
