import type { Endpoint } from 'payload'

import { loanEndpoints } from './loan'

/** Root-level endpoints of the negotiation & finance domain (collection endpoints live on `negotiations`). */
export const negotiationEndpoints: Endpoint[] = [...loanEndpoints]
