/** The services domain's registration: its collections, endpoints, jobs (loyalty inactivity alerts), demo data and machines. */
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
import { loyaltyInactivityTask } from '@endpoints/services/jobs'
import {
  loyaltyOnBookingCompleted,
  loyaltyOnBookingCreate,
  loyaltyOnOrderDelivered,
  loyaltyOnReview,
  loyaltyRefundOnBookingEnded,
  loyaltyRefundOnOrderCancelled,
  loyaltySpentOnBookingCreate,
} from '@hooks/services/loyalty'
import { requireVerifiedPhoneToBook } from '@hooks/services/verified-phone'
import { seedServices } from '@seed/services'

import { Achievements } from './Achievements'
import { LoyaltyAlerts } from './LoyaltyAlerts'
import { LoyaltyLedger } from './LoyaltyLedger'
import { ServiceBookings } from './ServiceBookings'
import { Services } from './Services'

export const servicesPlugin = definePlugin({
  name: 'services',
  collections: [Services, ServiceBookings, LoyaltyLedger, Achievements, LoyaltyAlerts],
  endpoints: servicesAnalyticsEndpoints,
  collectionEndpoints: {
    'service-bookings': bookingCollectionEndpoints,
    services: serviceCollectionEndpoints,
    technicians: technicianCollectionEndpoints,
    users: [myStatsEndpoint, myAchievementsEndpoint, myLoyaltyEndpoint],
  },
  // Loyalty on other domains' collections and on bookings (hooks/services/loyalty.ts): earnings, spending at booking
  // (after the booking's own beforeChange has priced it), points back on cancellation; the verified-phone rule.
  hooks: {
    orders: { afterChange: [loyaltyOnOrderDelivered, loyaltyRefundOnOrderCancelled] },
    'service-bookings': {
      beforeValidate: [requireVerifiedPhoneToBook],
      beforeChange: [loyaltyOnBookingCreate],
      afterChange: [loyaltySpentOnBookingCreate, loyaltyOnBookingCompleted, loyaltyRefundOnBookingEnded],
    },
    reviews: { afterChange: [loyaltyOnReview] },
    technicians: { afterChange: [technicianStatusChange] },
  },
  tasks: [loyaltyInactivityTask],
  seed: seedServices,
  machines: [serviceBookingMachine],
})
