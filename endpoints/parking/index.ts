import type { Endpoint } from 'payload'

import { parkingOwnerAnalyticsEndpoint } from './analytics'

/** Root-level parking endpoints (collection endpoints live in the parking collections' configs). */
export const parkingEndpoints: Endpoint[] = [parkingOwnerAnalyticsEndpoint]
