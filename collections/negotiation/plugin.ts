/** The negotiation domain's registration: its collections, endpoints, jobs, demo data and machines. */
import { negotiationMachine } from '@/domain/negotiation/machine'
import { definePlugin } from '@/plugins/domain'
import { negotiationTasks } from '@endpoints/negotiation/jobs'
import { loanEndpoints } from '@endpoints/negotiation/loan'
import { negotiationCollectionEndpoints } from '@endpoints/negotiation/negotiations'
import { seedNegotiation } from '@seed/negotiation'

import { FinancialProducts } from './FinancialProducts'
import { LoanCalculations } from './LoanCalculations'
import { Negotiations } from './Negotiations'

export const negotiationPlugin = definePlugin({
  name: 'negotiation',
  collections: [Negotiations, LoanCalculations, FinancialProducts],
  endpoints: [...loanEndpoints],
  collectionEndpoints: {
    negotiations: negotiationCollectionEndpoints,
  },
  tasks: negotiationTasks,
  seed: seedNegotiation,
  machines: [negotiationMachine],
})
