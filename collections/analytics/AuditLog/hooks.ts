import type { CollectionBeforeOperationHook, PayloadRequest } from 'payload'

import { AUDIT_WRITER } from '@/domain/analytics/audit'
import { forbidden } from '@/lib/http'

/**
 * Audit entries are append-only: update and delete are refused for everyone, including the Local API with
 * overrideAccess; a create is accepted only from the audit writer (hooks/analytics/audit.ts).
 */
export const auditLogBeforeOperation: CollectionBeforeOperationHook = ({ operation, req, args }) => {
  if (operation === 'update' || operation === 'delete' || (operation as string) === 'updateByID' || (operation as string) === 'deleteByID') {
    throw forbidden('Audit entries cannot be changed or deleted.')
  }
  if (operation === 'create' && (req as PayloadRequest).context?.[AUDIT_WRITER] !== true) throw forbidden('Audit entries are written by the platform only.')
  return args
}
