/** The services domain's registration: its collections, endpoints, jobs, demo data and machines. */
import { serviceBookingMachine } from '@/domain/services/booking-machine'
import { definePlugin } from '@/plugins/domain'
import { servicesAnalyticsEndpoints } from '@endpoints/services/analytics'
import { bookingCollectionEndpoints } from '@endpoints/services/bookingEndpoints'
// Registers the `booking:<id>` socket.io room authorizer.
import '@endpoints/services/realtime'
import { serviceCollectionEndpoints } from '@endpoints/services/serviceEndpoints'
import { technicianCollectionEndpoints } from '@endpoints/services/technicianEndpoints'
import { technicianStatusChange } from '@hooks/services/bookings'
import { seedServices } from '@seed/services'

import { ServiceBookings } from './ServiceBookings'
import { Services } from './Services'

export const servicesPlugin = definePlugin({
  name: 'services',
  collections: [Services, ServiceBookings],
  endpoints: servicesAnalyticsEndpoints,
  collectionEndpoints: {
    'service-bookings': bookingCollectionEndpoints,
    services: serviceCollectionEndpoints,
    technicians: technicianCollectionEndpoints,
  },
  hooks: { technicians: { afterChange: [technicianStatusChange] } },
  seed: seedServices,
  machines: [serviceBookingMachine],
})
