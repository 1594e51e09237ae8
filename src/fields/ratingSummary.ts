import type { Field } from 'payload'

/**
 * The exact review summary every reviewable target keeps (cars, parts, users, parking-spots, services,
 * technicians): average, count, distribution 1–5 and aspect averages. Written only by the reviews domain,
 * in the same transaction as the review; read-only everywhere else.
 */
export const ratingSummaryField = (): Field => ({
  name: 'rating',
  type: 'group',
  admin: { readOnly: true, description: 'Maintained from approved reviews.' },
  access: { create: () => false, update: () => false },
  fields: [
    {
      type: 'row',
      fields: [
        { name: 'average', type: 'number', defaultValue: 0, index: true },
        { name: 'count', type: 'number', defaultValue: 0 },
      ],
    },
    {
      name: 'distribution',
      type: 'group',
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'one', type: 'number', defaultValue: 0 },
            { name: 'two', type: 'number', defaultValue: 0 },
            { name: 'three', type: 'number', defaultValue: 0 },
            { name: 'four', type: 'number', defaultValue: 0 },
            { name: 'five', type: 'number', defaultValue: 0 },
          ],
        },
      ],
    },
    {
      name: 'aspects',
      type: 'group',
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'communication', type: 'number' },
            { name: 'accuracy', type: 'number' },
            { name: 'value', type: 'number' },
            { name: 'shipping', type: 'number' },
          ],
        },
      ],
    },
  ],
})
