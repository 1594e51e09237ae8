/** `GET /api/recently-viewed`: the signed-in caller's most recently viewed distinct cars (newest first). */
import type { Endpoint } from 'payload'

import { sql, txOf } from '@/db/transaction'
import { assertValid, json, requireUser, searchParams } from '@/lib/http'
import { Input } from '@/lib/validate'

import { carsInOrder } from './cars'

export const recentlyViewedEndpoint: Endpoint = {
  path: '/recently-viewed',
  method: 'get',
  handler: async (req) => {
    const user = requireUser(req)
    const input = new Input(Object.fromEntries(searchParams(req).entries()))
    const limit = input.number('limit', { integer: true, min: 1, max: 50, default: 10 })
    const depth = input.number('depth', { integer: true, min: 0, max: 1, default: 1 })
    assertValid(input)
    const rows = await (await txOf(req)).execute(sql`
      select car_id, max(created_at) as viewed_at from listing_views
      where user_id = ${user.id}
      group by car_id order by viewed_at desc, car_id desc limit ${limit}`)
    const viewedAt = new Map(rows.rows.map((r) => [Number(r.car_id), new Date(r.viewed_at as string).toISOString()]))
    const docs = (await carsInOrder(req, [...viewedAt.keys()], depth)).map((d) => ({ ...d, viewedAt: viewedAt.get(Number(d.id)) }))
    return json({ totalDocs: docs.length, docs })
  },
}
