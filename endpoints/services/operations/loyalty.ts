/**
 * Loyalty operations: earn (once per source), spend at checkout (once per order), levels, achievements and their
 * alerts, the user's statistics. Every change to a user's points runs under the advisory lock `loyalty:<user>` in
 * the caller's transaction, and the ledger's unique (reason, ref) makes a repeated earning or spending a no-op.
 */
import type { PayloadRequest } from 'payload'

import { achievementsOf, appendLedger, ledgerPage, loyaltyOf, monthlyTrends, setAchievementTitles, setLoyaltyLevel, unlockAchievement, userStats } from '@/db/loyalty'
import { advisoryLock, txOf, type Tx, withTransaction } from '@/db/transaction'
import { ACHIEVEMENTS, achievementProgress, checkoutDiscount, levelFor, levelRules, type Metrics, nextLevel, pointsForAmount } from '@/domain/services/loyalty'
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
    await advisoryLock(tx, 'loyalty', e.user)
    const moved = points > 0 ? await appendLedger(tx, { user: e.user, reason: e.reason, ref: e.ref, points }) : null
    // Achievements count completions too (a free booking earns no points but is one more booking).
    await settle(req, tx, e.user)
    return moved ? points : 0
  })
}

export interface CheckoutTotals {
  subtotal: number
  discount: number
  total: number
}

/**
 * The loyalty step of checkout (one call, inside the checkout's transaction): the level discount plus the points
 * redeemed, spent once for `orderNumber`. Too few points → 409 (the checkout writes nothing). Returns the totals to
 * store and what was applied.
 */
export async function applyLoyaltyAtCheckout(req: PayloadRequest, user: number, requestedPoints: number, totals: CheckoutTotals, orderNumber: string) {
  const tx = await txOf(req)
  await advisoryLock(tx, 'loyalty', user)
  const state = await loyaltyOf(tx, user)
  const level = levelFor(state.lifetime, rules())
  const d = checkoutDiscount({ subtotal: totals.subtotal, total: totals.total, levelPercent: level.discountPercent, requestedPoints, balance: state.balance })
  if (!d.enough) throw conflict(`Not enough loyalty points: ${d.points} requested, ${state.balance} available.`, { requested: d.points, available: state.balance })
  if (d.points > 0) {
    const spent = await appendLedger(tx, { user, reason: 'checkout_redeem', ref: orderNumber, points: -d.points })
    if (!spent) throw conflict('These loyalty points were already spent on this order.')
  }
  const round = (n: number) => Math.round(n * 100) / 100
  return {
    totals: { discount: round(totals.discount + d.off), total: round(Math.max(0, totals.total - d.off)) },
    loyalty: { level: level.level, levelDiscount: d.levelOff, pointsRedeemed: d.points, pointsDiscount: d.pointsOff },
  }
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
      spending: { total: Math.round((s.bookings.spent + s.orders.spent) * 100) / 100, bookings: s.bookings.spent, orders: s.orders.spent },
      loyalty: { points: l.balance, lifetimePoints: l.lifetime, level: l.level },
      monthly: await monthlyTrends(tx, user, months),
    }
  })
}
