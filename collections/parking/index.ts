import type { CollectionConfig } from 'payload'

import { ParkingSpots } from './ParkingSpots'
import { ParkingBookings } from './ParkingBookings'

export const parkingCollections: CollectionConfig[] = [ParkingSpots, ParkingBookings]
