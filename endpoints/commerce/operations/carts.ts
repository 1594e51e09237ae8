/**
 * Carts: one per signed-in user, or per guest identified by the `X-Cart-Token` header (a random token issued
 * on first use; only its SHA-256 is stored). The operations of the endpoints in endpoints/commerce/carts.ts; the
 * cart store (find, open, save, merge at login) is src/db/commerce.ts. Totals are computed on the server from
 * current part prices.
 */
import type { PayloadRequest } from 'payload'

import type { AccessUser } from '@/access/roles'
import { type CartDoc, type CartIdentity, type CartItem, cartLockKey, type CommercePart, findCart, lineParts, loadParts, openCart, saveItems, userCart } from '@/db/commerce'
import { advisoryLockWithNext, withTransaction } from '@/db/transaction'
import { CART_TOKEN_HEADER, computeTotals, hashCartToken, isPlausibleCartToken, MAX_LINE_QUANTITY, unitPriceOf, type Totals } from '@/domain/commerce'
import { idOf, sameId } from '@/domain/ids'
import { conflict, currentUser, forbidden, json, notFound } from '@/lib/http'
import { allSettledOrThrow } from '@/lib/settle'
import { getPlatformSettings } from '@/lib/settings'

export function cartIdentity(req: PayloadRequest): CartIdentity {
  const user = currentUser(req)
  if (user) return { kind: 'user', userId: Number(user.id) }
  const token = req.headers.get(CART_TOKEN_HEADER)
  if (isPlausibleCartToken(token)) return { kind: 'guest', token, tokenHash: hashCartToken(token) }
  return { kind: 'none' }
}

/** The cart as the API returns it: lines with the part, the price when added, the current price, and totals. */
export async function cartView(req: PayloadRequest, cart: CartDoc | null, known?: Map<number, CommercePart>): Promise<Record<string, unknown>> {
  const lines = lineParts(cart)
  // Parts the caller has just read (the one added to the cart, read in its transaction) are not read again.
  const missing = lines.map((l) => l.part).filter((id) => !known?.has(id))
  const parts = new Map([...(known ?? []), ...(await loadParts(req, missing))])
  const settings = await getPlatformSettings(req)
  const items = lines.map((l) => {
    const p = parts.get(l.part)
    const available = Boolean(p && p.status === 'active')
    const currentUnitPrice = p ? unitPriceOf(p) : l.unitPrice
    const inStock = !p || p.manageStock === false ? available : (p.stockQuantity ?? 0) >= l.quantity
    return {
      part: p ? { id: p.id, title: p.title, slug: p.slug, price: p.price, salePrice: p.salePrice ?? null, stockQuantity: p.stockQuantity, manageStock: p.manageStock !== false } : { id: l.part },
      quantity: l.quantity,
      unitPrice: l.unitPrice,
      currentUnitPrice,
      priceChanged: currentUnitPrice !== l.unitPrice,
      available,
      inStock,
    }
  })
  const payable = items.filter((i) => i.available)
  const totals: Totals = computeTotals(
    payable.map((i) => ({ unitPrice: i.currentUnitPrice, quantity: i.quantity })),
    settings,
  )
  return {
    id: cart?.id ?? null,
    currency: cart?.currency ?? 'USD',
    items: items.map((i, n) => ({ ...i, total: i.available ? (totals.lines[payable.indexOf(i)]?.total ?? 0) : 0, line: n + 1 })),
    itemCount: items.reduce((s, i) => s + i.quantity, 0),
    subtotal: totals.subtotal,
    tax: totals.tax,
    shipping: totals.shipping,
    discount: totals.discount,
    total: totals.total,
  }
}

function assertSellable(part: CommercePart | undefined, partId: number, req: PayloadRequest): CommercePart {
  if (!part || part.status !== 'active') throw notFound(`Part ${partId} is not for sale.`)
  const me = currentUser(req)
  if (me && sameId(part.seller, me.id)) throw conflict('You cannot buy your own part.', { part: partId })
  return part
}

function assertStock(part: CommercePart, quantity: number): void {
  if (part.manageStock === false) return
  const available = Math.max(0, part.stockQuantity ?? 0)
  if (quantity > available) {
    throw conflict(`Only ${available} of part ${part.id} in stock.`, { lines: [{ part: part.id, requested: quantity, available }] })
  }
}

function respond(view: Record<string, unknown>, issuedToken?: string, status = 200): Response {
  return json({ cart: view, ...(issuedToken ? { cartToken: issuedToken } : {}) }, status, issuedToken ? { 'X-Cart-Token': issuedToken } : undefined)
}

function writer(req: PayloadRequest): void {
  // Guests may keep a cart; signed-in accounts must be allowed to write (suspended accounts cannot).
  const user: AccessUser | null = currentUser(req)
  if (user && (user.status === 'inactive' || (user.status === 'suspended' && (!user.suspendedUntil || new Date(user.suspendedUntil) > new Date())))) {
    throw forbidden('Your account is suspended or inactive: it can read but not write.')
  }
}

const partParam = (req: PayloadRequest): number => {
  const n = Number((req.routeParams as Record<string, unknown> | undefined)?.part)
  if (!Number.isInteger(n) || n <= 0) throw notFound('Part not in the cart.')
  return n
}

// ---------------------------------------------------------------- operations (endpoints in endpoints/commerce/carts.ts)

/** The caller's cart (the account's, or the guest token's; empty when there is none). */
export async function readMyCart(req: PayloadRequest): Promise<Response> {
  const identity = cartIdentity(req)
  const cart = identity.kind === 'user' ? await userCart(req, identity.userId) : identity.kind === 'guest' ? await findCart(req, { tokenHash: identity.tokenHash }) : null
  return respond(await cartView(req, cart))
}

/**
 * Adds `quantity` of a part: lock the cart (created on first use, a guest gets a token) → validate (for sale,
 * not the caller's own, in stock, at most MAX_LINE_QUANTITY) → write the line at the current price.
 */
export async function addCartItem(req: PayloadRequest, partId: number, quantity: number): Promise<Response> {
  writer(req)
  const identity = cartIdentity(req)
  const { cart, issuedToken, part } = await withTransaction(req, async () => {
    // The part is read while the cart is locked and found (one round trip fewer); it is checked once both are in.
    const [opened, parts] = await allSettledOrThrow([openCart(req, identity), loadParts(req, [partId])] as const)
    const part = assertSellable(parts.get(partId), partId, req)
    const items = [...(opened.cart.items ?? [])]
    const at = items.findIndex((i) => idOf(i.part) === partId)
    const nextQuantity = (at >= 0 ? items[at].quantity : 0) + quantity
    if (nextQuantity > MAX_LINE_QUANTITY) throw conflict(`At most ${MAX_LINE_QUANTITY} of one part per order.`, { part: partId })
    assertStock(part, nextQuantity)
    const line: CartItem = { ...(at >= 0 ? items[at] : { addedAt: new Date().toISOString() }), part: partId, quantity: nextQuantity, unitPrice: unitPriceOf(part) }
    if (at >= 0) items[at] = line
    else items.push(line)
    return { cart: await saveItems(req, opened.cart, items), issuedToken: opened.issuedToken, part }
  })
  return respond(await cartView(req, cart, new Map([[partId, part]])), issuedToken)
}

/** Sets a line's quantity (`null` or 0 removes it): lock the cart → validate (in the cart, for sale, in stock) → write. */
export async function changeCartLine(req: PayloadRequest, quantity: number | null): Promise<Response> {
  writer(req)
  const partId = partParam(req)
  const identity = cartIdentity(req)
  if (identity.kind === 'none') throw notFound('Part not in the cart.')
  const cart = await withTransaction(req, async (tx) => {
    await advisoryLockWithNext(tx, 'cart', cartLockKey(identity))
    const current = identity.kind === 'user' ? await userCart(req, identity.userId) : await findCart(req, { tokenHash: identity.tokenHash })
    const items = [...(current?.items ?? [])]
    const at = items.findIndex((i) => idOf(i.part) === partId)
    if (!current || at < 0) throw notFound('Part not in the cart.')
    if (quantity === null || quantity === 0) {
      items.splice(at, 1)
    } else {
      const part = assertSellable((await loadParts(req, [partId])).get(partId), partId, req)
      assertStock(part, quantity)
      items[at] = { ...items[at], quantity, unitPrice: unitPriceOf(part) }
    }
    return saveItems(req, current, items)
  })
  return respond(await cartView(req, cart))
}
