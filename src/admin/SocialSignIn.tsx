/**
 * The admin login page's "Sign in with …" buttons (Payload `admin.components.afterLogin`): one link per configured
 * OpenID Connect provider (env OIDC_PROVIDERS, docs/identity.md), starting the flow that returns to /admin.
 * A server component: it reads the configuration directly, no request to the API; Payload hands it the reader's
 * language (`i18n`), so an Arabic login page says it in Arabic.
 */
import type { I18nClient } from '@payloadcms/translations'
import React from 'react'

import { env } from '@/lib/env'

export function SocialSignIn({ i18n }: { i18n?: Pick<I18nClient, 'language'> }) {
  const providers = env.oidcProviders
  if (!providers.length) return null
  return (
    <div className="social-sign-in" style={{ display: 'grid', gap: '0.5rem', marginTop: '1.5rem' }}>
      {providers.map((p) => (
        <a
          key={p.name}
          className="btn btn--style-secondary btn--size-large"
          data-provider={p.name}
          href={`/api/auth/oidc/${encodeURIComponent(p.name)}/start?returnTo=${encodeURIComponent('/admin')}`}
          style={{ textAlign: 'center', margin: 0 }}
        >
          {i18n?.language === 'ar' ? `الدخول عبر ${p.label}` : `Sign in with ${p.label}`}
        </a>
      ))}
    </div>
  )
}
