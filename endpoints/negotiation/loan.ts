/**
 * Loan calculator endpoints (root level; open to anonymous users):
 *   POST /api/loan-calculator                 → principal, monthlyPayment, totals, full schedule (save: true stores it)
 *   GET  /api/loan-calculator/offers          → matching financial-products with APR and monthly payment
 *   POST /api/loan-calculator/affordability   → the most expensive vehicle a monthly budget pays for
 * The arithmetic is src/domain/negotiation/loan.ts (decimal.js); these handlers only parse, authorize and respond.
 */
import type { CollectionSlug, Endpoint, PayloadRequest } from 'payload'

import { affordability, amortize, aprForScore, calculateLoan, loanPrincipal, MAX_TERM_MONTHS } from '@/domain/negotiation/loan'
import { assertValid, currentUser, invalidFields, json, readJson, requireUser, searchParams, unauthorized } from '@/lib/http'
import { Input } from '@/lib/validate'

const MAX_MONEY = 100_000_000
const money = { min: 0, max: MAX_MONEY, decimals: 2 }
/** APR in % with at most 4 decimals: 0 (interest-free) or from 0.0001 % (checkRate); 1e-300 is refused, not rounded away. */
const apr = { min: 0, max: 100, decimals: 4 }
const term = { integer: true, min: 1, max: MAX_TERM_MONTHS }
const MIN_POSITIVE_APR = 0.0001
const checkRate = (input: Input, rate: number | undefined) =>
  input.check(rate === undefined || rate === 0 || rate >= MIN_POSITIVE_APR, 'interestRate', `interestRate must be 0 or at least ${MIN_POSITIVE_APR} (% APR).`)

function readLoan(body: Record<string, unknown>) {
  const input = new Input(body)
  const vehiclePrice = input.number('vehiclePrice', { ...money, required: true, gt: 0 })
  const downPayment = input.number('downPayment', { ...money, default: 0 })
  const tradeInValue = input.number('tradeInValue', { ...money, default: 0 })
  const interestRate = input.number('interestRate', { ...apr, required: true })
  const termMonths = input.number('termMonths', { ...term, required: true })
  const salesTaxRate = input.number('salesTaxRate', { ...apr, default: 0 })
  const fees = input.number('fees', { ...money, default: 0 })
  const save = input.boolean('save', { default: false })
  const car = input.id('car', { required: false })
  checkRate(input, interestRate)
  assertValid(input)
  const loan = { vehiclePrice: vehiclePrice!, downPayment: downPayment!, tradeInValue: tradeInValue!, interestRate: interestRate!, termMonths: termMonths!, salesTaxRate: salesTaxRate!, fees: fees! }
  if (loanPrincipal(loan).lt(0)) {
    throw invalidFields([{ path: 'downPayment', message: 'downPayment (plus tradeInValue) cannot exceed the vehicle price (with tax and fees).' }])
  }
  return { loan, save: save!, car }
}

export async function calculateHandler(req: PayloadRequest): Promise<Response> {
  const { loan, save, car } = readLoan(await readJson(req))
  if (save && !currentUser(req)) throw unauthorized('Sign in to save a calculation.')
  const result = calculateLoan(loan)
  if (!save) return json(result)
  const user = requireUser(req, { write: true })
  if (car !== undefined) {
    const found = await req.payload.count({ collection: 'cars' as unknown as CollectionSlug, where: { id: { equals: car } }, overrideAccess: true, req })
    if (found.totalDocs === 0) throw invalidFields([{ path: 'car', message: `car ${car} does not exist.` }])
  }
  const saved = await req.payload.create({
    collection: 'loan-calculations' as unknown as CollectionSlug,
    req,
    overrideAccess: true,
    depth: 0,
    data: { user: user.id, car, ...loan, ...result } as never,
  })
  return json({ ...result, savedId: saved.id }, 201)
}

export async function offersHandler(req: PayloadRequest): Promise<Response> {
  const q = searchParams(req)
  const input = new Input(Object.fromEntries(q.entries()))
  const vehiclePrice = input.number('vehiclePrice', { ...money, required: true, gt: 0 })
  const downPayment = input.number('downPayment', { ...money, default: 0 })
  const termMonths = input.number('termMonths', { ...term, required: true })
  const creditScore = input.number('creditScore', { integer: true, min: 300, max: 850, required: true })
  assertValid(input)
  const principal = loanPrincipal({ vehiclePrice: vehiclePrice!, downPayment: downPayment! })
  if (principal.lte(0)) throw invalidFields([{ path: 'downPayment', message: 'downPayment must be below vehiclePrice.' }])
  const amount = principal.toNumber()
  const products = await req.payload.find({
    collection: 'financial-products' as unknown as CollectionSlug,
    where: { and: [{ active: { equals: true } }, { minAmount: { less_than_equal: amount } }, { maxAmount: { greater_than_equal: amount } }] },
    depth: 0,
    limit: 200,
    overrideAccess: true,
    req,
    locale: (req.locale ?? 'en') as 'en',
  })
  const offers = (products.docs as Record<string, any>[])
    .filter((p) => !(p.termsAllowed as number[] | null)?.length || (p.termsAllowed as number[]).map(Number).includes(termMonths!))
    .flatMap((p) => {
      const rate = aprForScore(p.aprByCreditBand, creditScore!)
      if (rate === null) return []
      const r = amortize(amount, rate, termMonths!)
      return [{ product: p.id, lender: p.lender, name: p.name, apr: rate, monthlyPayment: r.monthlyPayment, totalInterest: r.totalInterest, totalPaid: r.totalPaid }]
    })
    .sort((a, b) => a.monthlyPayment - b.monthlyPayment || a.apr - b.apr)
  return json({ principal: amount, termMonths, creditScore, offers })
}

export async function affordabilityHandler(req: PayloadRequest): Promise<Response> {
  const input = new Input(await readJson(req))
  const monthlyBudget = input.number('monthlyBudget', { ...money, required: true, gt: 0 })
  const interestRate = input.number('interestRate', { ...apr, required: true })
  const termMonths = input.number('termMonths', { ...term, required: true })
  const downPayment = input.number('downPayment', { ...money, default: 0 })
  checkRate(input, interestRate)
  assertValid(input)
  return json(affordability({ monthlyBudget: monthlyBudget!, interestRate: interestRate!, termMonths: termMonths!, downPayment: downPayment! }))
}

export const loanEndpoints: Endpoint[] = [
  { path: '/loan-calculator', method: 'post', handler: calculateHandler },
  { path: '/loan-calculator/offers', method: 'get', handler: offersHandler },
  { path: '/loan-calculator/affordability', method: 'post', handler: affordabilityHandler },
]
