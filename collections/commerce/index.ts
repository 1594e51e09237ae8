import type { CollectionConfig } from 'payload'

import { Carts } from './Carts'
import { Orders } from './Orders'
import { Payments } from './Payments'
import { Plans } from './Plans'
import { Subscriptions } from './Subscriptions'

export const commerceCollections: CollectionConfig[] = [Carts, Orders, Payments, Plans, Subscriptions]
