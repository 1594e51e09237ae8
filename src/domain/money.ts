/**
 * Exact money: amounts are decimal strings/numbers with at most 2 decimals; arithmetic in decimal.js,
 * rounded half-up to the cent once, where the caller says. Pure: no Payload import.
 */
import Decimal from 'decimal.js'

export { Decimal }

export type MoneyInput = number | string | Decimal

export const D = (v: MoneyInput): Decimal => new Decimal(v)

/** Rounds half-up to the cent and returns a JS number (safe: 2 decimals). */
export const toCents = (v: MoneyInput): number => D(v).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toNumber()

/** Integer minor units (cents). */
export const minorUnits = (v: MoneyInput): number => D(v).times(100).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber()
export const fromMinorUnits = (cents: number): number => D(cents).dividedBy(100).toNumber()

export const sum = (values: MoneyInput[]): Decimal => values.reduce<Decimal>((acc, v) => acc.plus(v), new Decimal(0))

/** `percent` % of `amount`, rounded to the cent. */
export const percentOf = (amount: MoneyInput, percent: MoneyInput): number => toCents(D(amount).times(percent).dividedBy(100))

/** True when `v` has at most two decimals. */
export const hasAtMostTwoDecimals = (v: number): boolean => D(v).decimalPlaces() <= 2
