/**
 * Demo vehicles with unique UK-format registration marks (current style 'BD19 XKR': a memory tag
 * weighted to the Birmingham and Severn Valley offices, an age identifier, three random letters;
 * a few older prefix marks), popular makes and models, a keeper from the demo population (a fifth
 * are company or lease vehicles with no personal keeper) and markers on about 3 %. About a third of
 * wanted people keep a vehicle, marked as of interest.
 */
import type { Insertable } from 'kysely'
import type { VehicleTable } from '../store/schema.ts'
import type { Person } from './people.ts'
import { chance, pick, weighted, zeroPad, type Random, type Weighted } from './random.ts'

type Marker = { code: string; label: string }

const letters = 'ABCDEFGHJKLMNOPRSTUVWXY'
const memoryTagOffices = [['B', 40], ['V', 10], ['A', 3], ['C', 3], ['D', 3], ['E', 3], ['F', 4], ['G', 3], ['H', 3],
  ['K', 4], ['L', 5], ['M', 4], ['N', 3], ['O', 3], ['P', 3], ['R', 3], ['S', 3], ['W', 3], ['Y', 3]] as const
const makes = [
  ['Ford', ['Fiesta', 'Focus', 'Kuga', 'Puma', 'Transit Custom', 'Mondeo'], 14],
  ['Vauxhall', ['Corsa', 'Astra', 'Insignia', 'Mokka', 'Vivaro'], 11],
  ['Volkswagen', ['Golf', 'Polo', 'Passat', 'Tiguan', 'Transporter'], 10],
  ['BMW', ['1 Series', '3 Series', '5 Series', 'X5', 'M3'], 7],
  ['Mercedes-Benz', ['A-Class', 'C-Class', 'E-Class', 'Sprinter', 'GLC'], 7],
  ['Audi', ['A1', 'A3', 'A4', 'Q5', 'RS3'], 6],
  ['Toyota', ['Yaris', 'Corolla', 'Prius', 'RAV4', 'Aygo'], 7],
  ['Nissan', ['Qashqai', 'Micra', 'Juke', 'Leaf'], 6],
  ['Kia', ['Sportage', 'Ceed', 'Picanto', 'Niro'], 5],
  ['Hyundai', ['i10', 'i20', 'i30', 'Tucson'], 4],
  ['Peugeot', ['208', '308', '2008', '3008'], 4],
  ['Renault', ['Clio', 'Megane', 'Captur'], 3],
  ['Honda', ['Civic', 'Jazz', 'CR-V'], 3],
  ['Skoda', ['Octavia', 'Fabia', 'Superb'], 3],
  ['SEAT', ['Ibiza', 'Leon', 'Ateca'], 3],
  ['MINI', ['Hatch', 'Countryman'], 3],
  ['Land Rover', ['Range Rover Evoque', 'Range Rover Sport', 'Discovery'], 2],
  ['Tesla', ['Model 3', 'Model Y'], 1],
  ['Yamaha', ['NMAX 125', 'MT-07'], 1],
] as const
const colours = [['Black', 20], ['White', 16], ['Grey', 18], ['Silver', 14], ['Blue', 13], ['Red', 10], ['Green', 2],
  ['Orange', 2], ['Yellow', 1], ['Bronze', 2], ['Purple', 1], ['Brown', 1]] as const
const markers: Weighted<Marker> = [[{ code: 'STOLEN', label: 'Reported stolen' }, 5],
  [{ code: 'NOINS', label: 'No insurance on record' }, 4], [{ code: 'INTEREST', label: 'Of interest: intelligence report on file' }, 2]]
const wantedKeeperMarker: Marker = { code: 'INTEREST', label: 'Of interest: keeper is wanted' }

function letter(r: Random): string {
  return letters[r.number.int(letters.length - 1)]
}

function registrationMark(r: Random): string {
  if (chance(r, 0.03)) {
    // Prefix style, 1983-2001: a year letter, a number, three letters.
    return `${pick(r, [...'ABCDEFGHJKLMNPRSTVWXY'])}${r.number.int({ min: 1, max: 999 })} ${letter(r)}${letter(r)}${letter(r)}`
  }
  const year = r.number.int({ min: 2, max: 25 })
  const age = chance(r, 0.5) ? year : year + 50
  return `${weighted(r, memoryTagOffices)}${letter(r)}${zeroPad(age, 2)} ${letter(r)}${letter(r)}${letter(r)}`
}

export function generateVehicles(r: Random, count: number, people: readonly Person[], wanted: readonly Person[],
  updatedAt: string): Insertable<VehicleTable>[] {
  const used = new Set<string>()
  const wantedSet = new Set(wanted)
  const wantedKeepers = wanted.filter(() => chance(r, 0.33))
  return Array.from({ length: count }, (_, i) => {
    const keeper = i < wantedKeepers.length ? wantedKeepers[i] : chance(r, 0.8) ? pick(r, people) : null
    let vrm = registrationMark(r)
    while (used.has(vrm)) vrm = registrationMark(r)
    used.add(vrm)
    const [make, models] = weighted(r, makes.map(([make, models, weight]) => [[make, models], weight] as const))
    const vehicleMarkers: Marker[] = keeper && wantedSet.has(keeper) ? [wantedKeeperMarker] : chance(r, 0.03) ? [weighted(r, markers)] : []
    return {
      id: `vehicle-${zeroPad(i + 1, 6)}`,
      vrm,
      make,
      model: pick(r, models),
      colour: weighted(r, colours),
      keeperPersonId: keeper?.id ?? null,
      markers: JSON.stringify(vehicleMarkers),
      updatedAt,
    }
  })
}
