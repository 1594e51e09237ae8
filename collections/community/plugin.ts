/** The community domain's registration: its collections, endpoints, jobs, demo data and machines. */
import { expertVerificationWorkflow, threadWorkflow } from '@/domain/community'
import { reviewModeration } from '@/domain/community/reviews'
import { definePlugin } from '@/plugins/domain'
import { decideVerification } from '@endpoints/community/experts'
import { submitContactForm } from '@endpoints/community/contact'
import { acceptResponse, flagResponse, threadTransition, viewThread } from '@endpoints/community/forum'
import { communityTasks } from '@endpoints/community/jobs'
import { contactSeller, markConversationRead, postMessage } from '@endpoints/community/messaging'
import { broadcast, markAllRead, markRead, unreadCount } from '@endpoints/community/notifications'
import { moderateReview, reportReview, respondToReview } from '@endpoints/community/reviews'
import { castVoteEndpoint } from '@endpoints/community/votes'
import { verificationAfterChange, verificationBeforeChange } from '@hooks/community/forum'
import { seedCommunity } from '@seed/community'

import { ContactSubmissions } from './ContactSubmissions'
import { Conversations } from './Conversations'
import { ForumCategories } from './ForumCategories'
import { ForumResponses } from './ForumResponses'
import { ForumThreads } from './ForumThreads'
import { Messages } from './Messages'
import { Notifications } from './Notifications'
import { Reviews } from './Reviews'
import { Votes } from './Votes'

export const communityPlugin = definePlugin({
  name: 'community',
  collections: [Reviews, Votes, ForumCategories, ForumThreads, ForumResponses, Conversations, Messages, ContactSubmissions, Notifications],
  endpoints: [{ path: '/contact-seller', method: 'post', handler: contactSeller }],
  collectionEndpoints: {
    'expert-verifications': [
      { path: '/:id/approve', method: 'post', handler: decideVerification('approve') },
      { path: '/:id/reject', method: 'post', handler: decideVerification('reject') },
    ],
    'contact-submissions': [{ path: '/', method: 'post', handler: submitContactForm }],
    conversations: [
      { path: '/:id/messages', method: 'post', handler: postMessage },
      { path: '/:id/read', method: 'post', handler: markConversationRead },
    ],
    'forum-responses': [{ path: '/:id/flag', method: 'post', handler: flagResponse }],
    'forum-threads': [
      { path: '/:id/accept', method: 'post', handler: acceptResponse },
      { path: '/:id/view', method: 'post', handler: viewThread },
      { path: '/:id/resolve', method: 'post', handler: threadTransition('resolve') },
      { path: '/:id/close', method: 'post', handler: threadTransition('close') },
      { path: '/:id/reopen', method: 'post', handler: threadTransition('reopen') },
    ],
    notifications: [
      { path: '/unread-count', method: 'get', handler: unreadCount },
      { path: '/read-all', method: 'post', handler: markAllRead },
      { path: '/broadcast', method: 'post', handler: broadcast },
      { path: '/:id/read', method: 'post', handler: markRead },
    ],
    reviews: [
      { path: '/:id/report', method: 'post', handler: reportReview },
      { path: '/:id/respond', method: 'post', handler: respondToReview },
      { path: '/:id/approve', method: 'post', handler: moderateReview('approve') },
      { path: '/:id/reject', method: 'post', handler: moderateReview('reject') },
    ],
    votes: [{ path: '/', method: 'post', handler: castVoteEndpoint }],
  },
  // Identity's expert verifications: decision stamps, the forum expert badge on approval, the applicant's notification.
  hooks: { 'expert-verifications': { beforeChange: [verificationBeforeChange], afterChange: [verificationAfterChange] } },
  tasks: communityTasks,
  seed: seedCommunity,
  machines: [threadWorkflow, expertVerificationWorkflow, reviewModeration],
})
