/**
 * Geography as pure functions (no Payload import): parameter rules for radius searches, great-circle
 * distance, bounding boxes. SQL uses the `earthdistance` extension (`ll_to_earth`, `earth_box`,
 * `earth_distance`) whose sphere radius is {@link EARTH_RADIUS_KM}; these functions use the same radius so
 * both agree.
 */

/** earthdistance's `earth()` radius in km (6378168 m). */
export const EARTH_RADIUS_KM = 6378.168
export const MAX_RADIUS_KM = 500
export const DEFAULT_RADIUS_KM = 25
export const NEARBY_DEFAULT_LIMIT = 20
export const NEARBY_MAX_LIMIT = 100

export interface LatLng {
  lat: number
  lng: number
}

const rad = (deg: number) => (deg * Math.PI) / 180

/** Haversine great-circle distance in km. */
export function distanceKm(a: LatLng, b: LatLng, radiusKm = EARTH_RADIUS_KM): number {
  const dLat = rad(b.lat - a.lat)
  const dLng = rad(b.lng - a.lng)
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2
  return 2 * radiusKm * Math.asin(Math.min(1, Math.sqrt(h)))
}

/** A latitude/longitude box containing every point within `radiusKm` of `center` (for btree prefilters). */
export function boundingBox(center: LatLng, radiusKm: number, earthKm = EARTH_RADIUS_KM) {
  const dLat = (radiusKm / earthKm) * (180 / Math.PI)
  const minLat = Math.max(-90, center.lat - dLat)
  const maxLat = Math.min(90, center.lat + dLat)
  // Near the poles (or when the box reaches one) every longitude qualifies.
  if (maxLat >= 90 || minLat <= -90) return { minLat, maxLat, minLng: -180, maxLng: 180 }
  const dLng = Math.asin(Math.min(1, Math.sin(radiusKm / earthKm) / Math.cos(rad(center.lat)))) * (180 / Math.PI)
  return { minLat, maxLat, minLng: center.lng - dLng, maxLng: center.lng + dLng }
}

export const isLatitude = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= -90 && v <= 90
export const isLongitude = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= -180 && v <= 180

/** Distances are reported in km with 3 decimals (metres). */
export const roundKm = (km: number): number => Math.round(km * 1000) / 1000
