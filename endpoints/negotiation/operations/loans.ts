/**
 * Loan-calculator operations: the calculation (and, on request, storing it for the signed-in user), matching
 * financial products, affordability. The arithmetic is src/domain/negotiation/loan.ts (decimal.js).
 */
import type { PayloadRequest } from 'payload'

import type { AccessUser } from '@/access/roles'
import { affordability, amortize, aprForScore, calculateLoan, loanPrincipal, type LoanInput, type LoanResult } from '@/domain/negotiation/loan'
import { invalidFields } from '@/lib/http'

export type Loan = Required<{ [K in keyof LoanInput]: number }>

/** The calculation; with `save`, stored as a `loan-calculations` record of `user` (the car, when given, must exist). */
export async function calculateAndMaybeSave(req: PayloadRequest, loan: Loan, save: { user: AccessUser; car?: number } | null): Promise<LoanResult | (LoanResult & { savedId: number })> {
  const result = calculateLoan(loan)
  if (!save) return result
  // validate
  if (save.car !== undefined) {
    const found = await req.payload.count({ collection: 'cars', where: { id: { equals: save.car } }, overrideAccess: true, req })
    if (found.totalDocs === 0) throw invalidFields([{ path: 'car', message: `car ${save.car} does not exist.` }])
  }
  // write
  const saved = await req.payload.create({
    collection: 'loan-calculations',
    req,
    overrideAccess: true,
    depth: 0,
    data: { user: Number(save.user.id), car: save.car, ...loan, ...result },
  })
  return { ...result, savedId: saved.id }
}

/** Active financial products lending `vehiclePrice − downPayment` over `termMonths`, with the APR for the score; cheapest first. */
export async function loanOffers(req: PayloadRequest, q: { vehiclePrice: number; downPayment: number; termMonths: number; creditScore: number }) {
  const principal = loanPrincipal({ vehiclePrice: q.vehiclePrice, downPayment: q.downPayment })
  if (principal.lte(0)) throw invalidFields([{ path: 'downPayment', message: 'downPayment must be below vehiclePrice.' }])
  const amount = principal.toNumber()
  const products = await req.payload.find({
    collection: 'financial-products',
    where: { and: [{ active: { equals: true } }, { minAmount: { less_than_equal: amount } }, { maxAmount: { greater_than_equal: amount } }] },
    depth: 0,
    limit: 200,
    overrideAccess: true,
    req,
    locale: req.locale === 'ar' ? 'ar' : 'en',
  })
  const offers = products.docs
    .filter((p) => !p.termsAllowed?.length || p.termsAllowed.map(Number).includes(q.termMonths))
    .flatMap((p) => {
      const rate = aprForScore(p.aprByCreditBand, q.creditScore)
      if (rate === null) return []
      const r = amortize(amount, rate, q.termMonths)
      return [{ product: p.id, lender: p.lender, name: p.name, apr: rate, monthlyPayment: r.monthlyPayment, totalInterest: r.totalInterest, totalPaid: r.totalPaid }]
    })
    .sort((a, b) => a.monthlyPayment - b.monthlyPayment || a.apr - b.apr)
  return { principal: amount, termMonths: q.termMonths, creditScore: q.creditScore, offers }
}

export { affordability }
