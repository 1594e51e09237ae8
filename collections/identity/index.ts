import type { CollectionConfig } from 'payload'

import { Dealers } from './Dealers'
import { Technicians } from './Technicians'
import { Vehicles } from './Vehicles'

import { LoginEvents } from './LoginEvents'
import { Users } from './Users'

import { ExpertVerifications } from './ExpertVerifications'
import { VerificationDocuments } from './VerificationDocuments'
export const identityCollections: CollectionConfig[] = [Users, LoginEvents, Dealers, Technicians, Vehicles, ExpertVerifications, VerificationDocuments]
