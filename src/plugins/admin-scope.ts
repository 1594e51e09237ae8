/**
 * Admin panel scope, declared once for every collection (issue 15, item 7):
 *
 * - **Nav audience**: each collection is shown in the admin nav only to the roles that use it
 *   (`admin.hidden: ({ user }) => …`). Admins see everything; a collection not declared here is admin-only
 *   (private unless declared), so a new collection never appears in a seller's nav by accident.
 * - **Own records in lists**: for the non-staff roles (seller, buyer, technician, parking owner) the list views
 *   of collections with an owner field show only the caller's rows (`admin.baseFilter`; `baseListFilter` is its
 *   deprecated alias in Payload 3.89). Staff (admin, editor) are unfiltered. This scopes the panel's views only;
 *   what the API returns is still decided by each collection's access rules.
 *
 * Payload's own collections (`payload-*`) are left alone.
 */
import type { ClientUser, CollectionConfig, Config, Plugin, Where } from 'payload'

import { type AccessUser, type Role, rolesOf } from '@/access/roles'

type Audience = readonly Role[]

const STAFF: readonly Role[] = ['admin', 'editor']
const EVERYONE: Audience = ['editor', 'seller', 'buyer', 'technician', 'parking_owner']
const SELLERS: Audience = ['seller']
const CONTENT: Audience = ['editor']
const TRADERS: Audience = ['seller', 'buyer']

/** Which roles (besides admin, who sees all) see a collection in the admin nav. */
export const ADMIN_AUDIENCE: Record<string, Audience> = {
  // identity
  dealers: SELLERS,
  technicians: ['technician'],
  vehicles: ['buyer', 'parking_owner', 'seller', 'technician'],
  'expert-verifications': EVERYONE,
  'verification-documents': ['seller', 'buyer', 'technician', 'parking_owner'],
  // catalog: sellers list cars and parts; editors moderate them and keep the taxonomy
  cars: ['editor', 'seller'],
  parts: ['editor', 'seller'],
  media: ['editor', 'seller', 'parking_owner', 'technician'],
  makes: CONTENT,
  models: CONTENT,
  features: CONTENT,
  'part-categories': CONTENT,
  'part-brands': CONTENT,
  // discovery: a signed-in buyer's own lists
  favorites: TRADERS,
  wishlists: TRADERS,
  'saved-searches': TRADERS,
  comparisons: TRADERS,
  // content
  posts: CONTENT,
  categories: CONTENT,
  tags: CONTENT,
  comments: CONTENT,
  testimonials: CONTENT,
  partners: CONTENT,
  // community
  'forum-categories': CONTENT,
  'forum-threads': EVERYONE,
  'forum-responses': EVERYONE,
  reviews: EVERYONE,
  conversations: EVERYONE,
  messages: EVERYONE,
  notifications: EVERYONE,
  'contact-submissions': CONTENT,
  // negotiation
  negotiations: TRADERS,
  'loan-calculations': TRADERS,
  // commerce
  orders: TRADERS,
  subscriptions: SELLERS,
  // parking
  'parking-spots': ['parking_owner'],
  'availability-blocks': ['parking_owner'],
  'parking-bookings': ['parking_owner', 'buyer'],
  // services
  'service-bookings': ['technician', 'buyer'],
}

/** The field naming a row's owner, for collections whose admin list is scoped to the caller's own rows. */
export const ADMIN_OWNER_FIELD: Record<string, string> = {
  cars: 'seller',
  parts: 'seller',
  media: 'uploadedBy',
  dealers: 'owner',
  technicians: 'user',
  vehicles: 'owner',
  'expert-verifications': 'user',
  'verification-documents': 'owner',
  favorites: 'user',
  wishlists: 'user',
  'saved-searches': 'user',
  comparisons: 'user',
  'forum-threads': 'author',
  'forum-responses': 'author',
  notifications: 'user',
  'loan-calculations': 'user',
  subscriptions: 'user',
  'parking-spots': 'owner',
  'availability-blocks': 'createdBy',
}

const isStaff = (user: AccessUser | null | undefined) => rolesOf(user).some((r) => STAFF.includes(r))

/** Whether `user` sees collection `slug` in the admin nav. */
export function visibleInAdmin(slug: string, user: AccessUser | null | undefined): boolean {
  const roles = rolesOf(user)
  if (roles.includes('admin')) return true
  const audience = ADMIN_AUDIENCE[slug] ?? []
  return roles.some((r) => audience.includes(r))
}

/** The admin list filter for `slug`: the caller's own rows for non-staff, nothing for staff. */
export function ownListFilter(slug: string, user: AccessUser | null | undefined): Where | null {
  const field = ADMIN_OWNER_FIELD[slug]
  if (!field || !user || isStaff(user)) return null
  return { [field]: { equals: user.id } }
}

function scope(collection: CollectionConfig): CollectionConfig {
  if (collection.slug.startsWith('payload-')) return collection
  const slug = collection.slug
  const declaredHidden = collection.admin?.hidden
  const admin: NonNullable<CollectionConfig['admin']> = {
    ...collection.admin,
    hidden:
      declaredHidden === true ? true : ({ user }: { user: ClientUser }) => (typeof declaredHidden === 'function' && declaredHidden({ user })) || !visibleInAdmin(slug, user as unknown as AccessUser),
  }
  if (ADMIN_OWNER_FIELD[slug] && !collection.admin?.baseFilter && !collection.admin?.baseListFilter) {
    admin.baseFilter = ({ req }) => ownListFilter(slug, req.user as unknown as AccessUser | null)
  }
  return { ...collection, admin }
}

/** The platform plugin: applies the declared nav audience and own-record list filters to every collection. */
export const adminScope =
  (): Plugin =>
  (config: Config): Config => ({ ...config, collections: (config.collections ?? []).map(scope) })
