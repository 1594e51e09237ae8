/**
 * Car-loan mathematics, decimal-safe (decimal.js). Pure: no Payload import.
 *
 * principal = vehiclePrice·(1 + salesTaxRate/100) + fees − downPayment − tradeInValue   (rounded to the cent)
 * payment   = P·r / (1 − (1+r)^−n), r = APR/1200            (P/n when r = 0), rounded half-up to the cent
 * each month: interest = balance·r (rounded to the cent), principal part = payment − interest;
 * the last payment clears the remaining balance exactly (it absorbs every rounding difference).
 */
import { Decimal } from './money'

const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP })
type Num = number | string | Decimal

const cents = (v: Decimal): Decimal => v.toDecimalPlaces(2, Decimal.ROUND_HALF_UP)
const num = (v: Decimal): number => cents(v).toNumber()

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

/** Monthly rate r = APR / 1200 (unrounded). */
export const monthlyRate = (apr: Num): Decimal => new Dec(apr).dividedBy(1200)

/** The amount financed, rounded to the cent (may be ≤ 0 when the down payment covers everything). */
export function loanPrincipal(input: Omit<LoanInput, 'interestRate' | 'termMonths'>): Decimal {
  const price = new Dec(input.vehiclePrice)
  const taxed = price.times(new Dec(1).plus(new Dec(input.salesTaxRate ?? 0).dividedBy(100)))
  return cents(taxed.plus(input.fees ?? 0).minus(input.downPayment ?? 0).minus(input.tradeInValue ?? 0))
}

/** The level monthly payment for principal P at `apr` % over `n` months, rounded half-up to the cent. */
export function monthlyPayment(principal: Num, apr: Num, n: number): Decimal {
  assertTerm(n)
  const P = new Dec(principal)
  if (P.lte(0)) return new Dec(0)
  const r = monthlyRate(apr)
  if (r.isZero()) return cents(P.dividedBy(n))
  const factor = new Dec(1).minus(new Dec(1).plus(r).pow(-n))
  return cents(P.times(r).dividedBy(factor))
}

/** The full amortization schedule; the last row's balance is exactly 0.00. */
export function amortize(principal: Num, apr: Num, n: number): LoanResult {
  assertTerm(n)
  const P = cents(new Dec(principal))
  if (P.lte(0)) return { principal: 0, monthlyPayment: 0, totalInterest: 0, totalPaid: 0, schedule: [] }
  const r = monthlyRate(apr)
  const payment = monthlyPayment(P, apr, n)
  const schedule: ScheduleRow[] = []
  let balance = P
  let totalInterest = new Dec(0)
  let totalPaid = new Dec(0)
  for (let month = 1; month <= n; month++) {
    const interest = cents(balance.times(r))
    let principalPart = month === n ? balance : payment.minus(interest)
    // Tiny loans at 0 %: a rounded-up payment must never take the balance below zero.
    if (principalPart.gt(balance)) principalPart = balance
    if (principalPart.lt(0)) principalPart = new Dec(0)
    const paid = principalPart.plus(interest)
    balance = balance.minus(principalPart)
    totalInterest = totalInterest.plus(interest)
    totalPaid = totalPaid.plus(paid)
    schedule.push({ month, payment: num(paid), principal: num(principalPart), interest: num(interest), balance: num(balance) })
  }
  return { principal: num(P), monthlyPayment: num(payment), totalInterest: num(totalInterest), totalPaid: num(totalPaid), schedule }
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
  const r = monthlyRate(input.interestRate)
  const raw = r.isZero() ? budget.times(n) : budget.times(new Dec(1).minus(new Dec(1).plus(r).pow(-n))).dividedBy(r)
  let principal = raw.toDecimalPlaces(2, Decimal.ROUND_DOWN)
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
