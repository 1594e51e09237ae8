import type { CollectionConfig } from 'payload'

import { ContactSubmissions } from './ContactSubmissions'
import { Conversations } from './Conversations'
import { ForumCategories } from './ForumCategories'
import { ForumResponses } from './ForumResponses'
import { ForumThreads } from './ForumThreads'
import { Messages } from './Messages'
import { Notifications } from './Notifications'
import { Reviews } from './Reviews'
import { Votes } from './Votes'

export const communityCollections: CollectionConfig[] = [
  Reviews,
  Votes,
  ForumCategories,
  ForumThreads,
  ForumResponses,
  Conversations,
  Messages,
  ContactSubmissions,
  Notifications,
]
