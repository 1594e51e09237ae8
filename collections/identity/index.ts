import type { CollectionConfig } from 'payload'

import { LoginEvents } from './LoginEvents'
import { Users } from './Users'

export const identityCollections: CollectionConfig[] = [Users, LoginEvents]
