import type { CollectionConfig } from 'payload'

import { FinancialProducts } from './FinancialProducts'
import { LoanCalculations } from './LoanCalculations'
import { Negotiations } from './Negotiations'

export const negotiationCollections: CollectionConfig[] = [Negotiations, LoanCalculations, FinancialProducts]
