import type { CollectionBeforeOperationHook } from 'payload'

import { forbidden } from '@/lib/http'

/**
 * Audit entries are append-only: update and delete are refused for everyone, including the Local API with
 * overrideAccess, and so is a create — the platform appends entries in SQL (hooks/analytics/audit.ts).
 */
export const auditLogBeforeOperation: CollectionBeforeOperationHook = ({ operation, args }) => {
  if (operation === 'update' || operation === 'delete' || (operation as string) === 'updateByID' || (operation as string) === 'deleteByID') {
    throw forbidden('Audit entries cannot be changed or deleted.')
  }
  if (operation === 'create') throw forbidden('Audit entries are written by the platform only.')
  return args
}
