/**
 * Comparison endpoints: `GET /api/comparisons/:id/table` (owner, admin, or `?token=<shareToken>`) and
 * `POST /api/comparisons/:id/cars { car }` (owner: adds one car; a fifth → 409).
 */
import { timingSafeEqual } from 'node:crypto'

import type { Endpoint, PayloadRequest } from 'payload'

import { isAdminUser } from '@/access/roles'
import { lockRow, withTransaction } from '@/db/transaction'
import { assertValid, conflict, currentUser, json, notFound, readJson, requireUser, routeId, searchParams } from '@/lib/http'
import { Input } from '@/lib/validate'
import { buildComparisonTable, type ComparisonCar, MAX_COMPARISON_CARS } from '@/domain/discovery/comparison'

import { carsInOrder } from './cars'

const idOf = (v: unknown) => Number(v && typeof v === 'object' ? (v as { id: unknown }).id : v)

const sameToken = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b))

async function loadComparison(req: PayloadRequest, id: number) {
  const found = await req.payload.find({ collection: 'comparisons' as never, where: { id: { equals: id } }, depth: 0, limit: 1, pagination: false, overrideAccess: true, req })
  const doc = found.docs[0] as unknown as Record<string, unknown> | undefined
  if (!doc) throw notFound('Comparison not found.')
  return doc
}

export const comparisonTableEndpoint: Endpoint = {
  path: '/:id/table',
  method: 'get',
  handler: async (req) => {
    const id = routeId(req)
    const doc = await loadComparison(req, id)
    const user = currentUser(req)
    const token = searchParams(req).get('token') ?? ''
    const allowed =
      isAdminUser(user) || (user && idOf(doc.user) === Number(user.id)) || (token && typeof doc.shareToken === 'string' && sameToken(token, doc.shareToken))
    if (!allowed) throw notFound('Comparison not found.')
    const ids = ((doc.cars as unknown[]) ?? []).map(idOf).slice(0, MAX_COMPARISON_CARS)
    const cars = (await carsInOrder(req, ids, 1)) as unknown as ComparisonCar[]
    return json({ id: doc.id, name: doc.name ?? null, ...buildComparisonTable(cars) })
  },
}

export const addComparisonCarEndpoint: Endpoint = {
  path: '/:id/cars',
  method: 'post',
  handler: async (req) => {
    const user = requireUser(req, { write: true })
    const id = routeId(req)
    const input = new Input(await readJson(req))
    const car = input.id('car')
    assertValid(input)
    const updated = await withTransaction(req, async (tx) => {
      const row = await lockRow<{ user_id: number }>(tx, 'comparisons', id, 'id, user_id')
      if (!row || (!isAdminUser(user) && Number(row.user_id) !== Number(user.id))) throw notFound('Comparison not found.')
      const doc = await loadComparison(req, id)
      const ids = ((doc.cars as unknown[]) ?? []).map(idOf)
      if (ids.includes(car!)) return doc
      if (ids.length >= MAX_COMPARISON_CARS) throw conflict(`A comparison holds at most ${MAX_COMPARISON_CARS} cars.`, { cars: ids })
      return req.payload.update({ collection: 'comparisons' as never, id, data: { cars: [...ids, car!] } as never, depth: 0, req, overrideAccess: true })
    })
    return json(updated)
  },
}

export const comparisonEndpoints: Endpoint[] = [comparisonTableEndpoint, addComparisonCarEndpoint]
