/** Comparisons: the side-by-side table (owner, admin, or the share token) and adding a car (owner; at most MAX_COMPARISON_CARS). */
import { timingSafeEqual } from 'node:crypto'

import type { PayloadRequest } from 'payload'

import type { Comparison } from '@payload-types'

import { type AccessUser, isAdminUser } from '@/access/roles'
import { lockRow, withTransaction } from '@/db/transaction'
import { buildComparisonTable, type ComparisonCar, MAX_COMPARISON_CARS } from '@/domain/discovery/comparison'
import { idOf, sameId } from '@/domain/ids'
import { conflict, notFound } from '@/lib/http'

import { carsInOrder } from './cars'

const sameToken = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b))

const carIds = (doc: Comparison): number[] => (doc.cars ?? []).map(idOf).filter((id): id is number => id !== null)

async function loadComparison(req: PayloadRequest, id: number): Promise<Comparison> {
  const doc = await req.payload.findByID({ collection: 'comparisons', id, depth: 0, overrideAccess: true, disableErrors: true, req })
  if (!doc) throw notFound('Comparison not found.')
  return doc
}

/** The comparison table, for its owner, an admin, or whoever holds its share token (everybody else: 404). */
export async function comparisonTable(req: PayloadRequest, user: AccessUser | null, id: number, token: string) {
  const doc = await loadComparison(req, id)
  const allowed = isAdminUser(user) || (user && sameId(doc.user, user.id)) || (token && typeof doc.shareToken === 'string' && sameToken(token, doc.shareToken))
  if (!allowed) throw notFound('Comparison not found.')
  const cars: ComparisonCar[] = await carsInOrder(req, carIds(doc).slice(0, MAX_COMPARISON_CARS), 1)
  return { id: doc.id, name: doc.name ?? null, ...buildComparisonTable(cars) }
}

/** Adds a car: lock the comparison → validate (the caller's or an admin; not full) → write. A car already in it changes nothing. */
export async function addComparisonCar(req: PayloadRequest, user: AccessUser, id: number, car: number): Promise<Comparison> {
  return withTransaction(req, async (tx) => {
    const row = await lockRow<{ user_id: number }>(tx, 'comparisons', id, 'id, user_id')
    if (!row || (!isAdminUser(user) && !sameId(row.user_id, user.id))) throw notFound('Comparison not found.')
    const doc = await loadComparison(req, id)
    const ids = carIds(doc)
    if (ids.includes(car)) return doc
    if (ids.length >= MAX_COMPARISON_CARS) throw conflict(`A comparison holds at most ${MAX_COMPARISON_CARS} cars.`, { cars: ids })
    return req.payload.update({ collection: 'comparisons', id, data: { cars: [...ids, car] }, depth: 0, req, overrideAccess: true })
  })
}
