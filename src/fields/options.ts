/** Select options from value lists: `pending_review` → `{ value: 'pending_review', label: 'Pending review' }`. */
export const label = (value: string): string => value.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase())

export const optionsOf = (values: readonly string[]): { value: string; label: string }[] => values.map((value) => ({ value, label: label(value) }))
