import type { CollectionConfig } from 'payload'

import { Services } from './Services'
import { ServiceBookings } from './ServiceBookings'

export const servicesCollections: CollectionConfig[] = [Services, ServiceBookings]
