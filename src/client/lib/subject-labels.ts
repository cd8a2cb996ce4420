/**
 * How a person, vehicle or address is named on screen, the same everywhere: "SMITH, John" (the
 * surname in capitals, as police records write it), "AB12 CDE", "12 High Street, B1 1AA".
 */
import type { AddressRecord, PersonRecord, VehicleRecord } from '../../shared/api/intel.ts'

export function personName(person: Pick<PersonRecord, 'surname' | 'forenames'>): string {
  return `${person.surname.toUpperCase()}, ${person.forenames}`
}

export function vehicleLabel(vehicle: Pick<VehicleRecord, 'vrm'>): string {
  return vehicle.vrm
}

export function addressLabel(address: Pick<AddressRecord, 'line1' | 'postcode'>): string {
  return `${address.line1}, ${address.postcode}`
}
