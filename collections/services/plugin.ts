/** The services domain's registration: its collections, endpoints, jobs, demo data and machines. */
import { serviceBookingMachine } from '@/domain/services/booking-machine'
import { definePlugin } from '@/plugins/domain'
import { servicesAnalyticsEndpoints } from '@endpoints/services/analytics'
import { bookingCollectionEndpoints } from '@endpoints/services/bookingEndpoints'
// Registers the `booking:<id>` socket.io room authorizer.
import '@endpoints/services/realtime'
import { serviceCollectionEndpoints } from '@endpoints/services/serviceEndpoints'
import { myAchievementsEndpoint, myLoyaltyEndpoint, myStatsEndpoint } from '@endpoints/services/loyalty'
import { technicianCollectionEndpoints } from '@endpoints/services/technicianEndpoints'
import { technicianStatusChange } from '@hooks/services/bookings'
import { loyaltyOnBookingCompleted, loyaltyOnOrderDelivered, loyaltyOnReview } from '@hooks/services/loyalty'
import { requireVerifiedPhoneToBook } from '@hooks/services/verified-phone'
import { seedServices } from '@seed/services'

import { Achievements } from './Achievements'
import { LoyaltyLedger } from './LoyaltyLedger'
import { ServiceBookings } from './ServiceBookings'
import { Services } from './Services'

export const servicesPlugin = definePlugin({
  name: 'services',
  collections: [Services, ServiceBookings, LoyaltyLedger, Achievements],
  endpoints: servicesAnalyticsEndpoints,
  collectionEndpoints: {
    'service-bookings': bookingCollectionEndpoints,
    services: serviceCollectionEndpoints,
    technicians: technicianCollectionEndpoints,
    users: [myStatsEndpoint, myAchievementsEndpoint, myLoyaltyEndpoint],
  },
  // Loyalty earnings on other domains' collections (hooks/services/loyalty.ts); the verified-phone rule for bookings.
  hooks: {
    orders: { afterChange: [loyaltyOnOrderDelivered] },
    'service-bookings': { beforeValidate: [requireVerifiedPhoneToBook], afterChange: [loyaltyOnBookingCompleted] },
    reviews: { afterChange: [loyaltyOnReview] },
    technicians: { afterChange: [technicianStatusChange] },
  },
  seed: seedServices,
  machines: [serviceBookingMachine],
})
