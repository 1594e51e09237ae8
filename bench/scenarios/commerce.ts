/**
 * Checkout under contention: every connection (a distinct bench user) adds one unit of the same hot part to
 * its cart and checks out, until the stock runs out (then 409s). After each run: stock never negative, and
 * the stock taken equals the quantity ordered.
 */
import { type BenchContext, type BenchScenario, userPool } from './types'

export const CHECKOUTS_PER_RUN = Number(process.env.BENCH_CHECKOUTS || 600)
const address = { fullName: 'Bench Buyer', line1: '1 Main St', city: 'Amman', country: 'JO', phone: '+962700000000' }

/** The baseline buys a different part (same stock) so the two never share stock. */
const partOf = (ctx: BenchContext, target: 'app' | 'baseline') => (target === 'app' ? ctx.hotPart : ctx.hotPart + 1)

function checkoutRequests(ctx: BenchContext, target: 'app' | 'baseline') {
  return () => {
    const users = userPool(ctx.users.length)
    const auth = (i: number) => (target === 'app' ? { authorization: `JWT ${ctx.users[i].token}` } : { 'x-user': String(ctx.users[i].id) })
    const prefix = target === 'app' ? '/api' : ''
    return [
      {
        method: 'POST',
        path: `${prefix}/carts/mine/items`,
        setupRequest: (req: Record<string, unknown>, context: Record<string, unknown>) => {
          const i = users.take()
          context.user = i
          return { ...req, headers: { 'content-type': 'application/json', ...auth(i) }, body: JSON.stringify({ part: partOf(ctx, target), quantity: 1 }) }
        },
        onResponse: (status: number, _body: string, context: Record<string, unknown>) => {
          context.added = status < 300
        },
      },
      {
        method: 'POST',
        path: `${prefix}/orders/checkout`,
        setupRequest: (req: Record<string, unknown>, context: Record<string, unknown>) => {
          const headers = { 'content-type': 'application/json', ...auth(context.user as number) }
          // Nothing was added (out of stock → 409): read the cart instead of checking out an empty one.
          if (!context.added) return { ...req, method: 'GET', path: `${prefix}/carts/mine`, headers, body: undefined }
          return { ...req, headers, body: JSON.stringify({ paymentMethod: 'cash_on_delivery', shippingAddress: address }) }
        },
        onResponse: (_status: number, _body: string, context: Record<string, unknown>) => users.give(context.user as number),
      },
    ]
  }
}

const ordered = async (ctx: BenchContext, target: 'app' | 'baseline'): Promise<number> => {
  const q =
    target === 'app' ? `select coalesce(sum(quantity), 0)::int as n from orders_items where part_id = $1` : `select coalesce(sum(quantity), 0)::int as n from bench_baseline_orders where part_id = $1`
  return Number((await ctx.db.query(q, [partOf(ctx, target)])).rows[0].n)
}

const before = new Map<string, number>()

export const checkoutContention: BenchScenario = {
  app: (ctx) => ({ name: 'checkout (contention)', expectedStatuses: [409], amount: CHECKOUTS_PER_RUN, requests: checkoutRequests(ctx, 'app') as never }),
  baseline: (ctx) => ({ name: 'checkout (contention)', expectedStatuses: [409], amount: CHECKOUTS_PER_RUN, requests: checkoutRequests(ctx, 'baseline') as never }),
  beforeRun: async (ctx, target) => {
    await ctx.db.query(`update parts set stock_quantity = $2, manage_stock = true, status = 'active' where id = $1`, [partOf(ctx, target), ctx.hotPartStock])
    if (target === 'app') await ctx.db.query(`delete from carts_items`)
    else await ctx.db.query(`delete from bench_baseline_cart_items`)
    before.set(target, await ordered(ctx, target))
  },
  afterRun: async (ctx, target, connections, result) => {
    const stock = Number((await ctx.db.query('select stock_quantity from parts where id = $1', [partOf(ctx, target)])).rows[0].stock_quantity)
    const taken = (await ordered(ctx, target)) - (before.get(target) ?? 0)
    const ok = stock >= 0 && taken === ctx.hotPartStock - stock
    return `${target} @ ${connections}: ${result.created} orders, ${result.conflicts} refused with 409; stock ${ctx.hotPartStock} → ${stock}, ${taken} units ordered → ${ok ? 'stock invariant holds' : '**VIOLATED**'}`
  },
}
