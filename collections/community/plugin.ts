/** The community domain's registration: its collections, endpoints, jobs, demo data and machines. */
import { expertVerificationWorkflow, threadWorkflow } from '@/domain/community'
import { reviewModeration } from '@/domain/community/reviews'
import { definePlugin } from '@/plugins/domain'
import { submitContactEndpoint } from '@endpoints/community/contact'
import { decideVerificationEndpoint } from '@endpoints/community/experts'
import { acceptResponseEndpoint, flagResponseEndpoint, threadTransitionEndpoint, viewThreadEndpoint } from '@endpoints/community/forum'
import { communityTasks } from '@endpoints/community/jobs'
import { contactSellerEndpoint, markConversationReadEndpoint, postMessageEndpoint } from '@endpoints/community/messaging'
import { broadcastEndpoint, markAllReadEndpoint, markReadEndpoint, unreadCountEndpoint } from '@endpoints/community/notifications'
import { registerPushEndpoint, unregisterPushEndpoint, vapidKeyEndpoint } from '@endpoints/community/push'
import { moderateReviewEndpoint, reportReviewEndpoint, respondToReviewEndpoint } from '@endpoints/community/reviews'
import { castVoteEndpoint } from '@endpoints/community/votes'
import { verificationAfterChange, verificationBeforeChange } from '@hooks/community/forum'
import { seedCommunity } from '@seed/community'

import { ContactSubmissions } from './ContactSubmissions'
import { Conversations } from './Conversations'
import { ForumCategories } from './ForumCategories'
import { ForumResponses } from './ForumResponses'
import { ForumThreads } from './ForumThreads'
import { Messages } from './Messages'
import { NotificationDeliveries } from './NotificationDeliveries'
import { Notifications } from './Notifications'
import { NotificationTemplates } from './NotificationTemplates'
import { PushSubscriptions } from './PushSubscriptions'
import { Reviews } from './Reviews'
import { Votes } from './Votes'

export const communityPlugin = definePlugin({
  name: 'community',
  collections: [
    Reviews,
    Votes,
    ForumCategories,
    ForumThreads,
    ForumResponses,
    Conversations,
    Messages,
    ContactSubmissions,
    Notifications,
    NotificationTemplates,
    PushSubscriptions,
    NotificationDeliveries,
  ],
  endpoints: [contactSellerEndpoint],
  collectionEndpoints: {
    'expert-verifications': [decideVerificationEndpoint('approve'), decideVerificationEndpoint('reject')],
    'contact-submissions': [submitContactEndpoint],
    conversations: [postMessageEndpoint, markConversationReadEndpoint],
    'forum-responses': [flagResponseEndpoint],
    'forum-threads': [acceptResponseEndpoint, viewThreadEndpoint, threadTransitionEndpoint('resolve'), threadTransitionEndpoint('close'), threadTransitionEndpoint('reopen')],
    notifications: [unreadCountEndpoint, markAllReadEndpoint, broadcastEndpoint, markReadEndpoint],
    'push-subscriptions': [vapidKeyEndpoint, registerPushEndpoint, unregisterPushEndpoint],
    reviews: [reportReviewEndpoint, respondToReviewEndpoint, moderateReviewEndpoint('approve'), moderateReviewEndpoint('reject')],
    votes: [castVoteEndpoint],
  },
  // Identity's expert verifications: decision stamps, the forum expert badge on approval, the applicant's notification.
  hooks: { 'expert-verifications': { beforeChange: [verificationBeforeChange], afterChange: [verificationAfterChange] } },
  tasks: communityTasks,
  seed: seedCommunity,
  machines: [threadWorkflow, expertVerificationWorkflow, reviewModeration],
})
