/** SQL of the identity domain: the per-owner vehicle rules (unique plate, one default vehicle). */
import { sql, type Tx } from '@/db/transaction'

/** Another vehicle of `owner` with this plate (ignoring `selfId`), if any. */
export async function vehicleWithPlate(tx: Tx, owner: number, plate: string, selfId: number): Promise<number | null> {
  const res = await tx.execute(sql`select id from vehicles where owner_id = ${owner} and license_plate = ${plate} and id <> ${selfId} limit 1`)
  return res.rows.length ? Number(res.rows[0].id) : null
}

/** Whether `owner` already has a default vehicle. */
export async function hasDefaultVehicle(tx: Tx, owner: number): Promise<boolean> {
  const res = await tx.execute(sql`select 1 from vehicles where owner_id = ${owner} and is_default limit 1`)
  return res.rows.length > 0
}

/** Unsets the default flag on `owner`'s other vehicles. */
export async function clearDefaultVehicle(tx: Tx, owner: number, exceptId: number): Promise<void> {
  await tx.execute(sql`update vehicles set is_default = false where owner_id = ${owner} and is_default and id <> ${exceptId}`)
}

/** Makes `owner`'s most recent vehicle other than `deletedId` the default, when none is. */
export async function promoteLatestVehicle(tx: Tx, owner: number, deletedId: number): Promise<void> {
  await tx.execute(sql`
    update vehicles set is_default = true
    where id = (select id from vehicles where owner_id = ${owner} and id <> ${deletedId} order by created_at desc limit 1)
      and not exists (select 1 from vehicles where owner_id = ${owner} and is_default)`)
}
