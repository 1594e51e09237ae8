/**
 * Applies a state-machine transition inside the request's transaction: the row is locked
 * (`select … for update`), the decision is taken on the locked state, then the update is written with the
 * Local API on the same `req`. Two racing transitions therefore never both succeed: the second one sees the
 * first one's state and gets 409.
 */
import type { CollectionBeforeChangeHook, CollectionSlug, PayloadRequest } from 'payload'

import { isAdminUser } from '@/access/roles'
import { lockRow, type Tx, withTransaction } from '@/db/transaction'
import { conflict, currentUser, forbidden, HttpError, notFound } from '@/lib/http'

import { decide, type StateMachine, type Transition } from './engine'

export const WORKFLOW_CONTEXT = 'workflowTransition'

declare module 'payload' {
  interface RequestContext {
    /** Set by `applyTransition`: the status change comes through its action (the guard lets it pass). */
    workflowTransition?: boolean
  }
}

/** An update's data for a collection chosen at run time (the machine's collection). */
type CollectionData = Parameters<PayloadRequest['payload']['update']>[0]['data']

export interface ApplyOptions<S extends string, D> {
  req: PayloadRequest
  collection: CollectionSlug
  id: number | string
  machine: StateMachine<S, D>
  action: string
  /** Extra fields written with the new status; may depend on the locked document. */
  data?: (doc: D, transition: Transition<S, D>) => Record<string, unknown> | Promise<Record<string, unknown>>
  /** Runs after the update, in the same transaction (side effects that must be atomic with it). */
  after?: (updated: D, previous: D, transition: Transition<S, D>) => Promise<void> | void
  /** Jobs and internal callers. */
  system?: boolean
  input?: Record<string, unknown>
  depth?: number
  /** The time guards see (defaults to now); jobs pass theirs. */
  now?: Date
  /** Runs inside the transaction before the row is locked (take locks that must come first, e.g. a parent row). */
  before?: (tx: Tx) => Promise<void> | void
  /** Extra Local API context for the update (WORKFLOW_CONTEXT is always set). */
  context?: Record<string, unknown>
}

export async function applyTransition<S extends string, D extends object>(opts: ApplyOptions<S, D>): Promise<{ doc: D; previous: D; transition: Transition<S, D> }> {
  const { req, collection, id, machine } = opts
  return withTransaction(req, async (tx) => {
    await opts.before?.(tx)
    const locked = await lockRow(tx, collection, id, 'id')
    if (!locked) throw notFound()
    const previous = (await req.payload.findByID({ collection, id, req, depth: 0, overrideAccess: true })) as unknown as D
    const decision = decide(machine, previous, { action: opts.action }, currentUser(req), {
      system: opts.system,
      input: opts.input,
      now: opts.now,
    })
    if (!decision.ok) throw decision.status === 403 ? forbidden(decision.message) : conflict(decision.message)
    const extra = opts.data ? await opts.data(previous, decision.transition) : {}
    const doc = (await req.payload.update({
      collection,
      id,
      req,
      depth: opts.depth ?? 0,
      overrideAccess: true,
      data: { ...extra, [machine.field]: decision.transition.to } as CollectionData,
      context: { ...opts.context, [WORKFLOW_CONTEXT]: true },
    })) as unknown as D
    await opts.after?.(doc, previous, decision.transition)
    return { doc, previous, transition: decision.transition }
  })
}

/**
 * `beforeChange` guard: a status change that does not come through `applyTransition` (REST `PATCH`, the admin
 * panel's save, a Local API update) must still be a transition of the table that the actor may fire (admins
 * included; nobody jumps states), and must not be an action-only one (`via` in the table): those carry effects
 * (stock, refunds, notifications…) that only their action runs, so the edit is refused with 409 naming the
 * action, and nothing is written.
 */
export function workflowGuard<S extends string, D>(machine: StateMachine<S, D>): CollectionBeforeChangeHook {
  return ({ data, originalDoc, operation, req, context }) => {
    if (context?.[WORKFLOW_CONTEXT]) return data
    const field = machine.field
    if (operation === 'create') {
      if (data?.[field] !== undefined && data[field] !== machine.initial && !isAdminUser(currentUser(req))) {
        throw new HttpError(409, `A new ${machine.name} starts as ${machine.initial}.`)
      }
      return data
    }
    const next = data?.[field]
    const current = originalDoc?.[field]
    if (next === undefined || next === current) return data
    const decision = decide(machine, { ...(originalDoc as D) }, { to: next as S }, currentUser(req), { system: !req.user, plainEdit: true })
    if (!decision.ok) throw new HttpError(decision.status, decision.message, decision.data)
    return data
  }
}
