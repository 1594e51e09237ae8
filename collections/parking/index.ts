import type { CollectionConfig } from 'payload'

import { Amenities } from './Amenities'
import { AvailabilityBlocks } from './AvailabilityBlocks'
import { ParkingBookings } from './ParkingBookings'
import { ParkingSpots } from './ParkingSpots'

export const parkingCollections: CollectionConfig[] = [Amenities, ParkingSpots, AvailabilityBlocks, ParkingBookings]
