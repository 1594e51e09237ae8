/** The parking domain's registration: its collections, endpoints, jobs, demo data and machines. */
import { parkingBookingMachine } from '@/domain/parking/booking-machine'
import { definePlugin } from '@/plugins/domain'
import { parkingOwnerAnalyticsEndpoint } from '@endpoints/parking/analytics'
import { cancelEndpoint, checkOutEndpoint, createBookingEndpoint, extendEndpoint, validateEndpoint } from '@endpoints/parking/bookings'
import { parkingTasks } from '@endpoints/parking/jobs'
// Registers the `spot:<id>` and `parking-booking:<id>` socket.io room authorizers.
import '@endpoints/parking/realtime'
import { availabilityEndpoint, nearbyEndpoint } from '@endpoints/parking/spots'
import { availabilityBlockLive, availabilityBlockRemoved } from '@hooks/parking/live'
import { seedParking } from '@seed/parking'

import { Amenities } from './Amenities'
import { AvailabilityBlocks } from './AvailabilityBlocks'
import { ParkingBookings } from './ParkingBookings'
import { ParkingSpots } from './ParkingSpots'

export const parkingPlugin = definePlugin({
  name: 'parking',
  collections: [Amenities, ParkingSpots, AvailabilityBlocks, ParkingBookings],
  endpoints: [parkingOwnerAnalyticsEndpoint],
  collectionEndpoints: {
    'parking-bookings': [createBookingEndpoint, validateEndpoint, extendEndpoint, cancelEndpoint, checkOutEndpoint],
    'parking-spots': [nearbyEndpoint, availabilityEndpoint],
  },
  hooks: {
    'availability-blocks': { afterChange: [availabilityBlockLive], afterDelete: [availabilityBlockRemoved] },
  },
  tasks: parkingTasks,
  seed: seedParking,
  machines: [parkingBookingMachine],
})
