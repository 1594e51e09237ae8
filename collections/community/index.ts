import type { CollectionConfig } from 'payload'

import { Notifications } from './Notifications'

export const communityCollections: CollectionConfig[] = [Notifications]
