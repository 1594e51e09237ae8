/**
 * Loan calculator endpoints (root level; open to anonymous users):
 *   POST /api/loan-calculator                 → principal, monthlyPayment, totals, full schedule (save: true stores it)
 *   GET  /api/loan-calculator/offers          → matching financial-products with APR and monthly payment
 *   POST /api/loan-calculator/affordability   → the most expensive vehicle a monthly budget pays for
 * Thin: parse (defineEndpoint), run the operation (./operations/loans.ts), respond.
 */
import { z } from 'zod'

import { loanPrincipal, MAX_TERM_MONTHS } from '@/domain/negotiation/loan'
import { defineEndpoint } from '@/http/define-endpoint'
import { assertCanWrite, unauthorized } from '@/lib/http'

import { num, numOr, optRef } from '@/http/fields'
import { affordability, calculateAndMaybeSave, loanOffers } from './operations/loans'

const MAX_MONEY = 100_000_000
const money = { min: 0, max: MAX_MONEY, decimals: 2 }
/** APR in % with at most 4 decimals: 0 (interest-free) or from 0.0001 % (checkRate); 1e-300 is refused, not rounded away. */
const apr = { min: 0, max: 100, decimals: 4 }
const term = { integer: true, min: 1, max: MAX_TERM_MONTHS }
const MIN_POSITIVE_APR = 0.0001

const rateRule: [(b: { interestRate: number }) => boolean, { path: string[]; message: string }] = [
  (b) => b.interestRate === 0 || b.interestRate >= MIN_POSITIVE_APR,
  { path: ['interestRate'], message: `interestRate must be 0 or at least ${MIN_POSITIVE_APR} (% APR).` },
]

const loanBody = z
  .object({
    vehiclePrice: num('vehiclePrice', { ...money, gt: 0 }),
    downPayment: numOr('downPayment', 0, money),
    tradeInValue: numOr('tradeInValue', 0, money),
    interestRate: num('interestRate', apr),
    termMonths: num('termMonths', term),
    salesTaxRate: numOr('salesTaxRate', 0, apr),
    fees: numOr('fees', 0, money),
    save: z.preprocess(
      (v) => (v === undefined || v === null || v === '' ? undefined : v === 'true' || v === '1' ? true : v === 'false' || v === '0' ? false : v),
      z.boolean({ error: 'save must be true or false.' }).default(false),
    ),
    car: optRef('car', 'cars'),
  })
  .refine(...rateRule)
  .refine((b) => !loanPrincipal(b).lt(0), {
    path: ['downPayment'],
    message: 'downPayment (plus tradeInValue) cannot exceed the vehicle price (with tax and fees).',
  })

export const calculateEndpoint = defineEndpoint({
  method: 'post',
  path: '/loan-calculator',
  summary: 'Loan principal, monthly payment, totals and the amortization schedule; save: true stores it for the signed-in user (201).',
  auth: 'public',
  body: loanBody,
  run: async ({ req, user, body: { save, car, ...loan } }) => {
    if (!save) return calculateAndMaybeSave(req, loan, null)
    // Anyone may calculate; saving needs a signed-in account that may write.
    if (!user) throw unauthorized('Sign in to save a calculation.')
    assertCanWrite(user)
    return Response.json(await calculateAndMaybeSave(req, loan, { user, car }), { status: 201 })
  },
})

export const offersEndpoint = defineEndpoint({
  method: 'get',
  path: '/loan-calculator/offers',
  summary: 'Active financial products for the amount, term and credit score, with their APR and monthly payment, cheapest first.',
  auth: 'public',
  query: z.object({
    vehiclePrice: num('vehiclePrice', { ...money, gt: 0 }),
    downPayment: numOr('downPayment', 0, money),
    termMonths: num('termMonths', term),
    creditScore: num('creditScore', { integer: true, min: 300, max: 850 }),
  }),
  run: ({ req, query }) => loanOffers(req, query),
})

export const affordabilityEndpoint = defineEndpoint({
  method: 'post',
  path: '/loan-calculator/affordability',
  summary: 'The most expensive vehicle a monthly budget pays for (maxVehiclePrice, principal).',
  auth: 'public',
  body: z
    .object({
      monthlyBudget: num('monthlyBudget', { ...money, gt: 0 }),
      interestRate: num('interestRate', apr),
      termMonths: num('termMonths', term),
      downPayment: numOr('downPayment', 0, money),
    })
    .refine(...rateRule),
  run: ({ body }) => affordability(body),
})

export const loanEndpoints = [calculateEndpoint, offersEndpoint, affordabilityEndpoint]
