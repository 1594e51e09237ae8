/** The identity domain's registration: its collections, endpoints, jobs, demo data and machines. */
import { definePlugin } from '@/plugins/domain'
import { seedIdentity } from '@seed/identity'
import { oidcCallbackEndpoint, oidcProvidersEndpoint, oidcStartEndpoint } from '@endpoints/identity/oidc'
import { requestOtpEndpoint, verifyOtpEndpoint } from '@endpoints/identity/phone'

import { Dealers } from './Dealers'
import { ExpertVerifications } from './ExpertVerifications'
import { LoginEvents } from './LoginEvents'
import { PhoneVerifications } from './PhoneVerifications'
import { Technicians } from './Technicians'
import { Users } from './Users'
import { Vehicles } from './Vehicles'
import { VerificationDocuments } from './VerificationDocuments'

export const identityPlugin = definePlugin({
  name: 'identity',
  collections: [Users, LoginEvents, Dealers, Technicians, Vehicles, ExpertVerifications, VerificationDocuments, PhoneVerifications],
  endpoints: [oidcProvidersEndpoint, oidcStartEndpoint, oidcCallbackEndpoint],
  collectionEndpoints: { users: [requestOtpEndpoint, verifyOtpEndpoint] },
  seed: seedIdentity,
})
