/**
 * A list cell for a relationship to a publicly readable collection (makes, models, categories…): the related
 * document's title rendered on the server (titles batched per tick, title-batch.ts), so the list shows it at once
 * — no "Loading…" or `<No Make>` while the browser fetches each relation.
 */
import type { Payload } from 'payload'
import React from 'react'

import { titleOf } from './title-batch'

const idOf = (v: unknown): number | null => {
  const raw = v !== null && typeof v === 'object' ? (v as { id?: unknown }).id : v
  const n = Number(raw)
  return raw !== null && raw !== undefined && raw !== '' && Number.isInteger(n) && n > 0 ? n : null
}

export async function RelationTitleCell({ cellData, field, payload }: { cellData?: unknown; field?: { relationTo?: unknown }; payload: Payload }) {
  const relationTo = typeof field?.relationTo === 'string' ? field.relationTo : null
  const id = idOf(cellData)
  if (!relationTo || !id) return <span className="relationship-cell">—</span>
  const title = await titleOf(payload, relationTo, id)
  return (
    <span className="relationship-cell" data-relation-title={relationTo}>
      {title ?? `#${id}`}
    </span>
  )
}
