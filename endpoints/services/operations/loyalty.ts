/**
 * Loyalty operations: earn (once per source), spend at checkout or at a service booking (once per order or
 * booking), give spent points back on cancellation (once), levels, achievements, the alerts (milestone approaching,
 * high-value customer, inactivity: once per occasion), the user's statistics. Every change to a user's points runs under the advisory lock `loyalty:<user>` in
 * the caller's transaction, and the ledger's unique (reason, ref) makes a repeated earning or spending a no-op.
 */
import { createLocalReq, type Payload, type PayloadRequest } from 'payload'

import {
  achievementsOf,
  appendLedger,
  inactiveCustomers,
  ledgerPage,
  ledgerPoints,
  lockedLoyaltyOf,
  LOYALTY_LOCK,
  loyaltyOf,
  monthlyTrends,
  recordAlert,
  setAchievementTitles,
  setLoyaltyLevel,
  unlockAchievement,
  userStats,
} from '@/db/loyalty'
import { advisoryLock, txOf, type Tx, withTransaction } from '@/db/transaction'
import { toCents } from '@/domain/money'
import {
  ACHIEVEMENTS,
  achievementProgress,
  approachingMilestones,
  checkoutDiscount,
  daysSince,
  inactiveBefore,
  isHighValue,
  levelFor,
  levelRules,
  type Metrics,
  nextLevel,
  pointsForAmount,
} from '@/domain/services/loyalty'
import { env } from '@/lib/env'
import { conflict } from '@/lib/http'
import { notify } from '@/notifications/notify'

const rules = () => levelRules(env.loyaltyLevels.thresholds.length ? env.loyaltyLevels.thresholds : undefined, env.loyaltyLevels.discounts.length ? env.loyaltyLevels.discounts : undefined)

async function metricsOf(tx: Tx, user: number): Promise<Metrics> {
  const s = await userStats(tx, user)
  const l = await loyaltyOf(tx, user)
  return { bookings_completed: s.bookings.completed, orders_delivered: s.orders.delivered, reviews: s.reviews, spending: s.bookings.spent + s.orders.spent, lifetime_points: l.lifetime }
}

/** After points moved: the level (upgrade → achievement + alert) and the other achievements now reached. */
async function settle(req: PayloadRequest, tx: Tx, user: number, depth = 0): Promise<void> {
  const now = new Date()
  const table = rules()
  const state = await loyaltyOf(tx, user)
  const level = levelFor(state.lifetime, table)
  if (level.level !== state.level && table.findIndex((r) => r.level === level.level) > table.findIndex((r) => r.level === state.level)) {
    await setLoyaltyLevel(tx, user, level.level)
    await notify(req, {
      user,
      type: 'loyalty',
      title: { en: `You reached ${level.level}`, ar: `وصلت إلى المستوى ${level.level}` },
      message: {
        en: `Your loyalty level is now ${level.level}: ${level.discountPercent}% off at checkout.`,
        ar: `مستوى الولاء الخاص بك الآن ${level.level}: خصم ${level.discountPercent}% عند الدفع.`,
      },
      data: { alert: 'loyalty_upgrade', level: level.level, previous: state.level, discountPercent: level.discountPercent },
      actionUrl: '/account/loyalty',
    })
  }
  const metrics = await metricsOf(tx, user)
  for (const a of achievementProgress(metrics, table)) {
    if (!a.reached) continue
    const id = await unlockAchievement(tx, { user, key: a.key, rewardKind: a.reward.kind, rewardValue: a.reward.value, at: now })
    if (id === null) continue
    await setAchievementTitles(tx, id, a.title)
    await notify(req, {
      user,
      type: 'loyalty',
      title: { en: `Achievement unlocked: ${a.title.en}`, ar: `إنجاز جديد: ${a.title.ar}` },
      message: {
        en:
          a.reward.kind === 'points'
            ? `You earned ${a.reward.value} bonus points.`
            : a.reward.kind === 'discount'
              ? `You earned a ${a.reward.value}% discount badge.`
              : 'A new badge is on your profile.',
        ar: a.reward.kind === 'points' ? `حصلت على ${a.reward.value} نقطة إضافية.` : a.reward.kind === 'discount' ? `حصلت على شارة خصم ${a.reward.value}%.` : 'شارة جديدة في ملفك.',
      },
      data: { alert: 'achievement_unlocked', achievement: a.key },
      actionUrl: '/account/achievements',
    })
    if (a.reward.kind === 'points' && a.reward.value > 0 && depth < 3) {
      if (await appendLedger(tx, { user, reason: 'achievement', ref: `achievement:${user}:${a.key}`, points: a.reward.value })) await settle(req, tx, user, depth + 1)
    }
  }
}

/** Earns points for a source once (`ref` e.g. `order:12`); joins the caller's transaction. Returns the points added (0 if already earned). */
export async function earnPoints(req: PayloadRequest, e: { user: number; reason: 'order_delivered' | 'booking_completed' | 'review'; ref: string; amount?: number; points?: number }): Promise<number> {
  const points = e.points ?? pointsForAmount(e.amount ?? 0)
  return withTransaction(req, async (tx) => {
    await advisoryLock(tx, LOYALTY_LOCK, e.user)
    const moved = points > 0 ? await appendLedger(tx, { user: e.user, reason: e.reason, ref: e.ref, points }) : null
    // Achievements count completions too (a free booking earns no points but is one more booking).
    await settle(req, tx, e.user)
    await earningAlerts(req, tx, e.user)
    return moved ? points : 0
  })
}

// ---------------------------------------------------------------- alerts

type AlertKind = 'milestone_approaching' | 'inactivity' | 'high_value_customer'

/**
 * Raises a loyalty alert once per (user, key): records it in `loyalty-alerts` (unique), and only when the record is
 * new sends the `loyalty` notification (`data.alert`), which follows the user's preferences like every notification.
 * Returns whether it was raised now.
 */
async function raiseAlert(
  req: PayloadRequest,
  tx: Tx,
  a: { user: number; alert: AlertKind; key: string; title: { en: string; ar: string }; message: { en: string; ar: string }; data?: Record<string, unknown>; actionUrl?: string },
): Promise<boolean> {
  if (!(await recordAlert(tx, { user: a.user, alert: a.alert, key: a.key }))) return false
  await notify(req, { user: a.user, type: 'loyalty', title: a.title, message: a.message, data: { alert: a.alert, ...(a.data ?? {}) }, actionUrl: a.actionUrl ?? '/account/loyalty' })
  return true
}

/** After an earning (under the user's loyalty lock): a milestone within 80%, and the high-value threshold crossed. */
async function earningAlerts(req: PayloadRequest, tx: Tx, user: number): Promise<void> {
  const stats = await userStats(tx, user)
  const state = await loyaltyOf(tx, user)
  for (const m of approachingMilestones({ bookingsCompleted: stats.bookings.completed, lifetimePoints: state.lifetime }, rules())) {
    const toGo = m.target - m.value
    const what = m.kind === 'bookings' ? { en: `${m.target} completed services`, ar: `${m.target} خدمات مكتملة` } : { en: `the ${m.level} level`, ar: `المستوى ${m.level}` }
    const unit = m.kind === 'bookings' ? { en: toGo === 1 ? 'service' : 'services', ar: 'خدمة' } : { en: 'points', ar: 'نقطة' }
    await raiseAlert(req, tx, {
      user,
      alert: 'milestone_approaching',
      key: m.key,
      title: { en: `Almost there: ${what.en}`, ar: `اقتربت: ${what.ar}` },
      message: { en: `${toGo} more ${unit.en} to reach ${what.en}.`, ar: `${toGo} ${unit.ar} متبقية للوصول إلى ${what.ar}.` },
      data: { milestone: m.kind, target: m.target, value: m.value, ...(m.level ? { level: m.level } : {}) },
      actionUrl: m.kind === 'bookings' ? '/account/achievements' : '/account/loyalty',
    })
  }
  const threshold = env.loyaltyHighValueSpend
  const spending = toCents(stats.bookings.spent + stats.orders.spent)
  if (!isHighValue(spending, threshold)) return
  const raised = await raiseAlert(req, tx, {
    user,
    alert: 'high_value_customer',
    key: `high_value:${threshold}`,
    title: { en: 'Thank you for being a valued customer', ar: 'شكراً لكونك عميلاً مميزاً' },
    message: { en: `Your spending with us has passed ${threshold}.`, ar: `تجاوز إنفاقك معنا ${threshold}.` },
    data: { threshold, spending },
  })
  if (!raised) return
  // The admins, once with the user's alert (same occasion, same transaction).
  const admins = await req.payload.find({ collection: 'users', req, depth: 0, limit: 50, overrideAccess: true, where: { roles: { in: ['admin'] } }, select: { roles: true } })
  for (const admin of admins.docs) {
    await notify(req, {
      user: admin.id,
      type: 'loyalty',
      title: { en: `High-value customer: user ${user}`, ar: `عميل مميز: المستخدم ${user}` },
      message: { en: `User ${user} has spent ${spending} (threshold ${threshold}).`, ar: `أنفق المستخدم ${user} مبلغ ${spending} (الحد ${threshold}).` },
      data: { alert: 'high_value_customer', customer: user, threshold, spending },
      actionUrl: `/admin/collections/users/${user}`,
    })
  }
}

/**
 * The daily inactivity alert (job `services-loyalty-inactivity`): every user with past activity (a service booking
 * or an order) but none in the last `LOYALTY_INACTIVITY_DAYS` days is told once per inactivity period (the key is
 * the last activity: a new booking or order opens a new period). Each user in their own transaction. Returns how
 * many were alerted.
 */
export async function inactivityAlerts(payload: Payload, now: Date = new Date(), days: number = env.loyaltyInactivityDays): Promise<number> {
  const before = inactiveBefore(now, days)
  if (!before) return 0
  let alerted = 0
  for (;;) {
    const listReq = await createLocalReq({}, payload)
    const due = await withTransaction(listReq, (tx) => inactiveCustomers(tx, before, 200))
    let raisedNow = 0
    for (const c of due) {
      const req = await createLocalReq({}, payload)
      try {
        const raised = await withTransaction(req, async (tx) => {
          await advisoryLock(tx, LOYALTY_LOCK, c.user)
          const inactiveDays = daysSince(c.lastActivity, now)
          return raiseAlert(req, tx, {
            user: c.user,
            alert: 'inactivity',
            key: c.key,
            title: { en: 'We miss you', ar: 'اشتقنا إليك' },
            message: { en: `It has been ${inactiveDays} days since your last booking or order.`, ar: `مرّ ${inactiveDays} يوماً على آخر حجز أو طلب لك.` },
            data: { days: inactiveDays, lastActivityAt: c.lastActivity.toISOString() },
          })
        })
        if (raised) raisedNow++
      } catch (err) {
        payload.logger.error({ err, msg: `loyalty inactivity alert failed for user ${c.user}` })
      }
    }
    alerted += raisedNow
    // A page where nothing could be raised (errors) would come back again: stop rather than loop.
    if (due.length < 200 || raisedNow === 0) break
  }
  return alerted
}

// ---------------------------------------------------------------- spending and giving back

/** What points can be spent on: an order at checkout, a service booking at its creation. */
export type RedeemReason = 'checkout_redeem' | 'booking_redeem'

/**
 * Loyalty spent on one purchase, inside the caller's transaction (checkout, service booking), in two halves. This call,
 * under the user's lock (held to the commit, so the balance read stays the balance): the level's percent of
 * `subtotal` comes off, then the points requested at 100 points = 1.00, at most half of what remains
 * (checkoutDiscount); more points than the balance → 409 and nothing is written (the caller's transaction rolls back).
 * `spend(reason, ref)` then writes the points once for (`reason`, `ref`), when the purchase has its number (both take
 * theirs last, from a per-year counter). Returns the money off, its parts and `spend`.
 */
async function quoteLoyalty(req: PayloadRequest, r: { user: number; requestedPoints: number; subtotal: number; total: number }) {
  const tx = await txOf(req)
  const state = await lockedLoyaltyOf(tx, r.user)
  const level = levelFor(state.lifetime, rules())
  const d = checkoutDiscount({ subtotal: r.subtotal, total: r.total, levelPercent: level.discountPercent, requestedPoints: r.requestedPoints, balance: state.balance })
  if (!d.enough) throw conflict(`Not enough loyalty points: ${d.points} requested, ${state.balance} available.`, { requested: d.points, available: state.balance })
  const spend = async (reason: RedeemReason, ref: string): Promise<void> => {
    if (d.points <= 0) return
    const spent = await appendLedger(tx, { user: r.user, reason, ref, points: -d.points })
    if (!spent) throw conflict(`These loyalty points were already spent on ${ref}.`)
  }
  return { off: d.off, level: level.level, levelDiscount: d.levelOff, pointsRedeemed: d.points, pointsDiscount: d.pointsOff, spend }
}

export interface CheckoutTotals {
  subtotal: number
  discount: number
  total: number
}

/**
 * The loyalty step of checkout, inside the checkout's transaction, in two halves: this call takes the user's lock and
 * returns the totals to store and what was applied; `spend(orderNumber)` writes the points once the order has its
 * number (checkout numbers the order last, to hold the year's counter for the fewest statements).
 */
export async function applyLoyaltyAtCheckout(req: PayloadRequest, user: number, requestedPoints: number, totals: CheckoutTotals) {
  const { off, spend, ...loyalty } = await quoteLoyalty(req, { user, requestedPoints, subtotal: totals.subtotal, total: totals.total })
  return {
    totals: { discount: toCents(totals.discount + off), total: toCents(Math.max(0, totals.total - off)) },
    loyalty,
    spend: (orderNumber: string) => spend('checkout_redeem', orderNumber),
  }
}

/**
 * The loyalty step of a signed-in service booking's creation (inside its transaction), in two halves: this call
 * returns the pricing to store (the loyalty discount added to `discount`, taken off `total`, and kept apart in
 * `loyaltyDiscount` / `pointsRedeemed`); `spend(bookingNumber)` writes the points once the booking has its number.
 */
export async function applyLoyaltyAtBooking(req: PayloadRequest, user: number, requestedPoints: number, pricing: { basePrice: number; discount: number; total: number }) {
  const { spend, ...l } = await quoteLoyalty(req, { user, requestedPoints, subtotal: pricing.basePrice, total: pricing.total })
  return {
    pricing: { discount: toCents(pricing.discount + l.off), total: toCents(Math.max(0, pricing.total - l.off)), loyaltyDiscount: l.off, pointsRedeemed: l.pointsRedeemed },
    loyalty: l,
    spend: (bookingNumber: string) => spend('booking_redeem', bookingNumber),
  }
}

/**
 * Gives back the points spent on an order or a booking (`spent`: where they were spent, `ref`: its number) when it
 * is cancelled: one `redeem_refund` row, once (the ledger's unique (reason, ref)), in the caller's transaction.
 * Lifetime points (and so the level) do not move. Returns the points given back (0: none spent, or already back).
 */
export async function refundRedeemedPoints(req: PayloadRequest, spent: RedeemReason, ref: string): Promise<number> {
  return withTransaction(req, async (tx) => {
    const row = await ledgerPoints(tx, spent, ref)
    if (!row || row.points >= 0) return 0
    await advisoryLock(tx, LOYALTY_LOCK, row.user)
    const back = await appendLedger(tx, { user: row.user, reason: 'redeem_refund', ref, points: -row.points, lifetime: false })
    return back ? -row.points : 0
  })
}

export async function myLoyalty(req: PayloadRequest, user: number) {
  return withTransaction(req, async (tx) => {
    const state = await loyaltyOf(tx, user)
    const table = rules()
    const level = levelFor(state.lifetime, table)
    return {
      points: state.balance,
      lifetimePoints: state.lifetime,
      level: level.level,
      benefits: { discountPercent: level.discountPercent },
      next: nextLevel(state.lifetime, table),
      levels: table,
      recent: await ledgerPage(tx, user, 20),
    }
  })
}

export async function myAchievements(req: PayloadRequest, user: number) {
  return withTransaction(req, async (tx) => {
    const unlocked = new Map((await achievementsOf(tx, user)).map((a) => [a.key, a.unlockedAt]))
    const progress = achievementProgress(await metricsOf(tx, user), rules())
    return { achievements: progress.map((a) => ({ ...a, unlockedAt: unlocked.get(a.key) ?? null })), unlocked: unlocked.size, total: ACHIEVEMENTS.length }
  })
}

export async function myStats(req: PayloadRequest, user: number, months: number) {
  return withTransaction(req, async (tx) => {
    const s = await userStats(tx, user)
    const l = await loyaltyOf(tx, user)
    return {
      bookings: s.bookings,
      orders: s.orders,
      reviews: s.reviews,
      spending: { total: toCents(s.bookings.spent + s.orders.spent), bookings: s.bookings.spent, orders: s.orders.spent },
      loyalty: { points: l.balance, lifetimePoints: l.lifetime, level: l.level },
      monthly: await monthlyTrends(tx, user, months),
    }
  })
}
