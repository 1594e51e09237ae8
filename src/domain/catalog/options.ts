/** Value lists of the catalog's select fields (snake_case values: they become GraphQL enums). Pure. */
export const CAR_CONDITIONS = ['new', 'used', 'certified'] as const
export const PART_CONDITIONS = ['new', 'used', 'refurbished'] as const
export const FUEL_TYPES = ['petrol', 'diesel', 'hybrid', 'plug_in_hybrid', 'electric', 'lpg', 'cng', 'hydrogen'] as const
export const TRANSMISSIONS = ['automatic', 'manual', 'cvt', 'dual_clutch', 'semi_automatic'] as const
export const DRIVE_TYPES = ['fwd', 'rwd', 'awd', 'four_wd'] as const
export const BODY_TYPES = ['sedan', 'hatchback', 'suv', 'crossover', 'coupe', 'convertible', 'wagon', 'pickup', 'van', 'minivan', 'sports'] as const
export const FEATURE_CATEGORIES = ['safety', 'comfort', 'technology', 'entertainment', 'exterior', 'interior', 'performance', 'convenience'] as const
export const DEALER_VERIFICATION = ['pending', 'verified', 'rejected'] as const

const LABELS: Record<string, string> = { fwd: 'FWD', rwd: 'RWD', awd: 'AWD', four_wd: '4WD', cvt: 'CVT', lpg: 'LPG', cng: 'CNG', suv: 'SUV' }
export const labelOf = (v: string): string => LABELS[v] ?? v.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase())
export const options = (values: readonly string[]) => values.map((value) => ({ value, label: labelOf(value) }))
