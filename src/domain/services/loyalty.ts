/**
 * Loyalty (from the car-services system): points earned per completed booking, delivered order and review, spent
 * on discounts at checkout; levels bronze → diamond by lifetime points, each with a checkout discount; achievements
 * with progress. Pure: no I/O. Thresholds and discounts are configurable (LOYALTY_THRESHOLDS, LOYALTY_DISCOUNTS).
 */
export const LOYALTY_LEVELS = ['bronze', 'silver', 'gold', 'platinum', 'diamond'] as const
export type LoyaltyLevel = (typeof LOYALTY_LEVELS)[number]

export interface LevelRule {
  level: LoyaltyLevel
  /** Lifetime points from which the level holds. */
  threshold: number
  /** Percent off the subtotal at checkout. */
  discountPercent: number
}

export const DEFAULT_THRESHOLDS = [0, 500, 2000, 5000, 10000]
export const DEFAULT_DISCOUNTS = [0, 2, 5, 8, 10]

/** The level table from configuration lists (5 ascending thresholds, the first 0); invalid input → the defaults. */
export function levelRules(thresholds: number[] = DEFAULT_THRESHOLDS, discounts: number[] = DEFAULT_DISCOUNTS): LevelRule[] {
  const okT = thresholds.length === 5 && thresholds[0] === 0 && thresholds.every((t, i) => Number.isInteger(t) && (i === 0 || t > thresholds[i - 1]))
  const okD = discounts.length === 5 && discounts.every((d) => d >= 0 && d <= 50)
  const t = okT ? thresholds : DEFAULT_THRESHOLDS
  const d = okD ? discounts : DEFAULT_DISCOUNTS
  return LOYALTY_LEVELS.map((level, i) => ({ level, threshold: t[i], discountPercent: d[i] }))
}

export function levelFor(lifetime: number, rules: LevelRule[]): LevelRule {
  let found = rules[0]
  for (const r of rules) if (lifetime >= r.threshold) found = r
  return found
}

/** The next level and how far it is (null at the top). */
export function nextLevel(lifetime: number, rules: LevelRule[]): { level: LoyaltyLevel; threshold: number; pointsToGo: number; progressPercent: number } | null {
  const current = levelFor(lifetime, rules)
  const i = rules.indexOf(current)
  const next = rules[i + 1]
  if (!next) return null
  const span = next.threshold - current.threshold
  return { level: next.level, threshold: next.threshold, pointsToGo: next.threshold - lifetime, progressPercent: Math.floor(((lifetime - current.threshold) / span) * 100) }
}

export const EARN = {
  /** Points per whole currency unit of a delivered order / completed booking. */
  perCurrencyUnit: 1,
  review: 20,
} as const

export const pointsForAmount = (amount: number): number => (Number.isFinite(amount) && amount > 0 ? Math.floor(amount * EARN.perCurrencyUnit) : 0)

/** Value of one point at checkout, in currency units (100 points = 1.00). */
export const POINT_VALUE = 0.01
/** Points may pay at most this share of an order's total. */
export const MAX_REDEEM_SHARE = 0.5

const cents = (n: number) => Math.round(n * 100) / 100

/**
 * The checkout discount: the level's percent of the subtotal plus the points redeemed (whole points, at most half
 * the total after the level discount). Returns the points actually spent and the money off, rounded to the cent.
 */
export function checkoutDiscount(input: { subtotal: number; total: number; levelPercent: number; requestedPoints: number; balance: number }) {
  const levelOff = cents((input.subtotal * input.levelPercent) / 100)
  const afterLevel = Math.max(0, cents(input.total - levelOff))
  const maxByTotal = Math.floor((afterLevel * MAX_REDEEM_SHARE) / POINT_VALUE)
  const points = Math.max(0, Math.min(Math.floor(input.requestedPoints), maxByTotal))
  const pointsOff = cents(points * POINT_VALUE)
  return { levelOff, points, pointsOff, off: cents(levelOff + pointsOff), enough: points <= input.balance }
}

export interface AchievementRule {
  key: string
  /** What is counted (from the user's statistics). */
  metric: 'bookings_completed' | 'orders_delivered' | 'reviews' | 'spending' | 'lifetime_points'
  target: number
  title: { en: string; ar: string }
  reward: { kind: 'badge' | 'points' | 'discount'; value: number }
}

const BOOKING_MILESTONES = [5, 10, 25, 50, 100]

export const ACHIEVEMENTS: AchievementRule[] = [
  { key: 'first_booking', metric: 'bookings_completed', target: 1, title: { en: 'First service', ar: 'أول خدمة' }, reward: { kind: 'badge', value: 0 } },
  ...BOOKING_MILESTONES.map((n) => ({
    key: `bookings_${n}`,
    metric: 'bookings_completed' as const,
    target: n,
    title: { en: `${n} services completed`, ar: `${n} خدمات مكتملة` },
    reward: { kind: 'points' as const, value: n * 10 },
  })),
  { key: 'first_order', metric: 'orders_delivered', target: 1, title: { en: 'First order', ar: 'أول طلب' }, reward: { kind: 'badge', value: 0 } },
  { key: 'reviewer_10', metric: 'reviews', target: 10, title: { en: '10 reviews written', ar: '10 مراجعات' }, reward: { kind: 'points', value: 50 } },
  { key: 'spender_1000', metric: 'spending', target: 1000, title: { en: 'Spent 1,000', ar: 'إنفاق 1000' }, reward: { kind: 'discount', value: 5 } },
  ...LOYALTY_LEVELS.slice(1).map((level) => ({
    key: `level_${level}`,
    metric: 'lifetime_points' as const,
    target: -1, // resolved from the level table (levelTarget)
    title: { en: `Reached ${level}`, ar: `الوصول إلى المستوى ${level}` },
    reward: { kind: 'badge' as const, value: 0 },
  })),
]

export type Metrics = Record<AchievementRule['metric'], number>

const targetOf = (a: AchievementRule, rules: LevelRule[]) => (a.target >= 0 ? a.target : (rules.find((r) => `level_${r.level}` === a.key)?.threshold ?? Infinity))

/** Every achievement with the user's progress (0–100) and whether it is reached. */
export function achievementProgress(metrics: Metrics, rules: LevelRule[]) {
  return ACHIEVEMENTS.map((a) => {
    const target = targetOf(a, rules)
    const value = metrics[a.metric]
    return { key: a.key, metric: a.metric, target, value, reached: value >= target, progressPercent: Math.min(100, Math.floor((value / target) * 100)), title: a.title, reward: a.reward }
  })
}

/** An alert when a milestone is within 80% and not reached. */
export const approaching = (value: number, target: number): boolean => value < target && value >= target * 0.8

/** The completed-bookings milestones (the `bookings_completed` achievements' targets), ascending. */
export const BOOKING_TARGETS: number[] = ACHIEVEMENTS.filter((a) => a.metric === 'bookings_completed')
  .map((a) => a.target)
  .sort((a, b) => a - b)

export interface MilestoneTarget {
  /** The dedupe key of the alert: one alert per user and key, ever. */
  key: string
  kind: 'bookings' | 'level'
  value: number
  target: number
  /** The level reached at the target (level targets only). */
  level?: LoyaltyLevel
}

/**
 * The milestones a user is approaching (within 80%, not reached; `approaching`): the next completed-bookings
 * milestone and the next level by lifetime points. At most one of each.
 */
export function approachingMilestones(m: { bookingsCompleted: number; lifetimePoints: number }, rules: LevelRule[]): MilestoneTarget[] {
  const out: MilestoneTarget[] = []
  const nextBookings = BOOKING_TARGETS.find((t) => t > m.bookingsCompleted)
  if (nextBookings !== undefined && approaching(m.bookingsCompleted, nextBookings)) {
    out.push({ key: `milestone:bookings_${nextBookings}`, kind: 'bookings', value: m.bookingsCompleted, target: nextBookings })
  }
  const next = nextLevel(m.lifetimePoints, rules)
  if (next && approaching(m.lifetimePoints, next.threshold)) {
    out.push({ key: `milestone:level_${next.level}`, kind: 'level', value: m.lifetimePoints, target: next.threshold, level: next.level })
  }
  return out
}

/** Whether total spending has reached the high-value threshold (a threshold ≤ 0 turns the alert off). */
export const isHighValue = (spending: number, threshold: number): boolean => threshold > 0 && spending >= threshold

/** The cut-off of inactivity: activity before it is older than `days` days at `now` (null: the alert is off). */
export const inactiveBefore = (now: Date, days: number): Date | null => (days > 0 ? new Date(now.getTime() - days * 86_400_000) : null)

/** Whole days since the last activity. */
export const daysSince = (last: Date, now: Date): number => Math.floor((now.getTime() - last.getTime()) / 86_400_000)

/** Month-over-month change in percent (one decimal); null when last month is 0 (no base to compare with). */
export function changePercent(thisMonth: number, lastMonth: number): number | null {
  if (!lastMonth) return null
  return Math.round(((thisMonth - lastMonth) / lastMonth) * 1000) / 10
}
