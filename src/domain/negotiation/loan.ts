/**
 * Car-loan mathematics, exact. Pure: no Payload import.
 *
 * principal = vehiclePrice·(1 + salesTaxRate/100) + fees − downPayment − tradeInValue   (rounded to the cent)
 * payment   = P·r / (1 − (1+r)^−n), r = APR/1200            (P/n when r = 0), rounded half-up to the cent
 * each month: interest = balance·r (rounded half-up to the cent), principal part = payment − interest;
 * the last payment clears the remaining balance exactly (it absorbs every rounding difference).
 *
 * Every figure is computed as an exact fraction of integers (BigInt) and divided last, so a value that is
 * exactly x.xx5 rounds up: r = APR/1200 is never stored as a rounded decimal (15006 × 7/1200 = 87.535 → 87.54).
 */
import { Decimal } from '../money'

const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP })
type Num = number | string | Decimal

const cents = (v: Decimal): Decimal => v.toDecimalPlaces(2, Decimal.ROUND_HALF_UP)
const num = (v: Decimal): number => cents(v).toNumber()

/** An exact non-negative decimal as integer / 10^scale. */
function fraction(v: Num): { int: bigint; scale: bigint } {
  const d = new Decimal(v)
  if (!d.isFinite()) throw new RangeError('Not a finite number.')
  const places = d.decimalPlaces()
  // Bounded so a pathological input (1e-999999) cannot make the exact arithmetic explode.
  if (places > 1000) throw new RangeError('Too many decimal places.')
  return { int: BigInt(d.times(new Decimal(10).pow(places)).toFixed(0)), scale: 10n ** BigInt(places) }
}

/** Integer cents of an amount already rounded to the cent. */
const toCentsInt = (v: Decimal): bigint => BigInt(v.times(100).toFixed(0))
const fromCentsInt = (c: bigint): Decimal => new Dec(c.toString()).dividedBy(100)

/** round-half-up(n / d) for d > 0 (n may be negative: half away from zero, like Decimal.ROUND_HALF_UP). */
function divRoundHalfUp(n: bigint, d: bigint): bigint {
  if (n < 0n) return -divRoundHalfUp(-n, d)
  return (2n * n + d) / (2n * d)
}

/** The monthly rate r = APR/1200 as an exact fraction num/den (den > 0). */
function rateFraction(apr: Num): { num: bigint; den: bigint } {
  const { int, scale } = fraction(apr)
  if (int < 0n) throw new RangeError('interestRate must not be negative.')
  return { num: int, den: 1200n * scale }
}

export const MAX_TERM_MONTHS = 120

export interface LoanInput {
  vehiclePrice: Num
  downPayment?: Num
  tradeInValue?: Num
  /** APR in percent (0–100). */
  interestRate: Num
  termMonths: number
  /** Percent applied to the vehicle price. */
  salesTaxRate?: Num
  fees?: Num
}

export interface ScheduleRow {
  month: number
  payment: number
  principal: number
  interest: number
  balance: number
}

export interface LoanResult {
  principal: number
  monthlyPayment: number
  totalInterest: number
  totalPaid: number
  schedule: ScheduleRow[]
}

/** Monthly rate r = APR / 1200, to 40 significant digits (for display; the schedule uses the exact fraction). */
export const monthlyRate = (apr: Num): Decimal => new Dec(apr).dividedBy(1200)

/** The amount financed, rounded to the cent (may be ≤ 0 when the down payment covers everything). */
export function loanPrincipal(input: Omit<LoanInput, 'interestRate' | 'termMonths'>): Decimal {
  const price = new Dec(input.vehiclePrice)
  const taxed = price.times(new Dec(1).plus(new Dec(input.salesTaxRate ?? 0).dividedBy(100)))
  return cents(
    taxed
      .plus(input.fees ?? 0)
      .minus(input.downPayment ?? 0)
      .minus(input.tradeInValue ?? 0),
  )
}

/** The level monthly payment for principal P at `apr` % over `n` months, rounded half-up to the cent. */
export function monthlyPayment(principal: Num, apr: Num, n: number): Decimal {
  assertTerm(n)
  const P = cents(new Dec(principal))
  if (P.lte(0)) return new Dec(0)
  return fromCentsInt(paymentCents(toCentsInt(P), apr, n))
}

/**
 * payment = P·r·(1+r)^n / ((1+r)^n − 1); with r = a/d: P·a·(d+a)^n / (d·((d+a)^n − d^n)), in cents, divided last.
 */
function paymentCents(P: bigint, apr: Num, n: number): bigint {
  const { num: a, den: d } = rateFraction(apr)
  if (a === 0n) return divRoundHalfUp(P, BigInt(n))
  const grown = (d + a) ** BigInt(n)
  return divRoundHalfUp(P * a * grown, d * (grown - d ** BigInt(n)))
}

/** The full amortization schedule; the last row's balance is exactly 0.00. */
export function amortize(principal: Num, apr: Num, n: number): LoanResult {
  assertTerm(n)
  const P = cents(new Dec(principal))
  if (P.lte(0)) return { principal: 0, monthlyPayment: 0, totalInterest: 0, totalPaid: 0, schedule: [] }
  const { num: a, den: d } = rateFraction(apr)
  const start = toCentsInt(P)
  const payment = paymentCents(start, apr, n)
  const schedule: ScheduleRow[] = []
  let balance = start
  let totalInterest = 0n
  let totalPaid = 0n
  const out = (c: bigint) => fromCentsInt(c).toNumber()
  for (let month = 1; month <= n; month++) {
    // interest = balance · a / d, divided last and rounded half-up to the cent
    const interest = divRoundHalfUp(balance * a, d)
    let principalPart = month === n ? balance : payment - interest
    // Tiny loans at 0 %: a rounded-up payment must never take the balance below zero.
    if (principalPart > balance) principalPart = balance
    if (principalPart < 0n) principalPart = 0n
    const paid = principalPart + interest
    balance -= principalPart
    totalInterest += interest
    totalPaid += paid
    schedule.push({ month, payment: out(paid), principal: out(principalPart), interest: out(interest), balance: out(balance) })
  }
  return { principal: num(P), monthlyPayment: out(payment), totalInterest: out(totalInterest), totalPaid: out(totalPaid), schedule }
}

/** principal from the full input, then the schedule. */
export function calculateLoan(input: LoanInput): LoanResult {
  return amortize(loanPrincipal(input), input.interestRate, input.termMonths)
}

/**
 * The inverse: the largest principal whose payment fits `monthlyBudget`
 * (P = budget·(1 − (1+r)^−n)/r, budget·n at 0 %), rounded down to the cent so the payment never exceeds the
 * budget; maxVehiclePrice = principal + downPayment.
 */
export function affordability(input: { monthlyBudget: Num; interestRate: Num; termMonths: number; downPayment?: Num }): {
  maxVehiclePrice: number
  principal: number
} {
  const n = input.termMonths
  assertTerm(n)
  const budget = new Dec(input.monthlyBudget)
  const { num: a, den: d } = rateFraction(input.interestRate)
  // P = budget·(1 − (1+r)^−n)/r = budget·d·((d+a)^n − d^n) / (a·(d+a)^n), exact, rounded down to the cent
  const budgetFraction = fraction(budget.lt(0) ? 0 : budget)
  let principalCents: bigint
  if (a === 0n) principalCents = (budgetFraction.int * 100n * BigInt(n)) / budgetFraction.scale
  else {
    const grown = (d + a) ** BigInt(n)
    principalCents = (budgetFraction.int * 100n * d * (grown - d ** BigInt(n))) / (budgetFraction.scale * a * grown)
  }
  let principal = fromCentsInt(principalCents)
  // Rounding the payment half-up can push it one cent above the budget; step down until it fits.
  while (principal.gt(0) && monthlyPayment(principal, input.interestRate, n).gt(budget)) principal = principal.minus(0.01)
  if (principal.lt(0)) principal = new Dec(0)
  return { principal: num(principal), maxVehiclePrice: num(principal.plus(input.downPayment ?? 0)) }
}

/** APR for a credit score from a product's bands (`minScore ≤ score ≤ maxScore`), or null. */
export function aprForScore(bands: { minScore: number; maxScore: number; apr: number }[] | null | undefined, score: number): number | null {
  const band = (bands ?? []).find((b) => score >= Number(b.minScore) && score <= Number(b.maxScore))
  return band ? Number(band.apr) : null
}

function assertTerm(n: number): void {
  if (!Number.isInteger(n) || n < 1 || n > MAX_TERM_MONTHS) throw new RangeError(`termMonths must be a whole number from 1 to ${MAX_TERM_MONTHS}.`)
}
