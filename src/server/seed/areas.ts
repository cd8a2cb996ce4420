/**
 * The demo force's geography: the eight local policing areas of a West Midlands-like force, each a
 * rough polygon (about 10 vertices) drawn to the real extents, with neighbouring areas sharing their
 * boundary vertices so they meet without gaps or overlaps. Each area lists postcode districts with an
 * approximate centre, locality and post town, so seeded addresses get a postcode that fits where
 * they stand. The boundaries are coarse: good for a demo map and for "which area is this point in",
 * not for operational use.
 */

export type LngLat = readonly [lng: number, lat: number]
export type LatLng = { lat: number; lng: number }

export type PostcodeDistrict = {
  outward: string
  locality: string
  town: string
  centre: LatLng
}

export type DemoArea = {
  id: string
  name: string
  centre: LatLng
  /** Open ring of [lng, lat] vertices; `closedRing` repeats the first vertex at the end. */
  vertices: readonly LngLat[]
  /** Relative population, used to share out addresses, people and crime. */
  weight: number
  districts: readonly PostcodeDistrict[]
}

// Vertices shared by neighbouring areas: a shared edge uses the same two points on both sides.
const v = {
  suttonNorth: [-1.83, 52.628],
  bhamSplitNorth: [-1.87, 52.585],
  bhamSplitSouth: [-1.858, 52.4],
  castleBromwich: [-1.755, 52.505],
  chelmsleyWest: [-1.745, 52.47],
  sheldonSouth: [-1.765, 52.445],
  olton: [-1.8, 52.43],
  hallGreenSouth: [-1.84, 52.415],
  majorsGreen: [-1.87, 52.39],
  frankley: [-2.02, 52.43],
  quinton: [-2.015, 52.455],
  bearwood: [-1.955, 52.478],
  handsworth: [-1.945, 52.515],
  greatBarr: [-1.915, 52.562],
  walsallSouthEast: [-1.95, 52.558],
  walsallSouth: [-1.995, 52.568],
  darlaston: [-2.05, 52.565],
  willenhallWest: [-2.065, 52.58],
  wednesfieldNorth: [-2.068, 52.625],
  coseley: [-2.08, 52.548],
  sedgleyNorth: [-2.125, 52.546],
  tipton: [-2.072, 52.525],
  netherton: [-2.062, 52.492],
  rowley: [-2.05, 52.468],
} as const satisfies Record<string, LngLat>

function district(outward: string, locality: string, town: string, lat: number, lng: number): PostcodeDistrict {
  return { outward, locality, town, centre: { lat, lng } }
}

export const demoAreas: readonly DemoArea[] = [
  {
    id: 'bham-east',
    name: 'Birmingham East',
    centre: { lat: 52.5, lng: -1.805 },
    weight: 17,
    vertices: [v.suttonNorth, [-1.765, 52.6], [-1.735, 52.545], v.castleBromwich, v.chelmsleyWest, v.sheldonSouth,
      v.olton, v.hallGreenSouth, v.bhamSplitSouth, [-1.87, 52.47], [-1.862, 52.545], v.bhamSplitNorth],
    districts: [
      district('B8', 'Washwood Heath', 'Birmingham', 52.488, -1.846),
      district('B9', 'Bordesley Green', 'Birmingham', 52.477, -1.848),
      district('B10', 'Small Heath', 'Birmingham', 52.47, -1.85),
      district('B11', 'Sparkhill', 'Birmingham', 52.455, -1.855),
      district('B23', 'Erdington', 'Birmingham', 52.523, -1.838),
      district('B24', 'Tyburn', 'Birmingham', 52.516, -1.818),
      district('B25', 'Yardley', 'Birmingham', 52.468, -1.8),
      district('B26', 'Sheldon', 'Birmingham', 52.46, -1.775),
      district('B27', 'Acocks Green', 'Birmingham', 52.445, -1.82),
      district('B28', 'Hall Green', 'Birmingham', 52.432, -1.83),
      district('B33', 'Stechford', 'Birmingham', 52.48, -1.79),
      district('B34', 'Hodge Hill', 'Birmingham', 52.495, -1.785),
      district('B35', 'Castle Vale', 'Birmingham', 52.52, -1.785),
      district('B36', 'Castle Bromwich', 'Birmingham', 52.505, -1.79),
      district('B72', 'Wylde Green', 'Sutton Coldfield', 52.55, -1.815),
      district('B73', 'Boldmere', 'Sutton Coldfield', 52.555, -1.84),
      district('B75', 'Four Oaks', 'Sutton Coldfield', 52.585, -1.805),
      district('B76', 'Walmley', 'Sutton Coldfield', 52.54, -1.78),
    ],
  },
  {
    id: 'bham-west',
    name: 'Birmingham West',
    centre: { lat: 52.479, lng: -1.91 },
    weight: 17,
    vertices: [v.bhamSplitNorth, [-1.862, 52.545], [-1.87, 52.47], v.bhamSplitSouth, v.majorsGreen, [-1.95, 52.378],
      [-2.01, 52.392], v.frankley, v.quinton, v.bearwood, v.handsworth, v.greatBarr],
    districts: [
      district('B1', 'City Centre', 'Birmingham', 52.479, -1.91),
      district('B3', 'Jewellery Quarter', 'Birmingham', 52.485, -1.9),
      district('B5', 'Digbeth', 'Birmingham', 52.47, -1.893),
      district('B6', 'Aston', 'Birmingham', 52.5, -1.882),
      district('B12', 'Balsall Heath', 'Birmingham', 52.458, -1.888),
      district('B13', 'Moseley', 'Birmingham', 52.442, -1.885),
      district('B14', 'Kings Heath', 'Birmingham', 52.428, -1.895),
      district('B15', 'Edgbaston', 'Birmingham', 52.465, -1.925),
      district('B16', 'Ladywood', 'Birmingham', 52.478, -1.935),
      district('B17', 'Harborne', 'Birmingham', 52.46, -1.955),
      district('B18', 'Hockley', 'Birmingham', 52.493, -1.92),
      district('B19', 'Lozells', 'Birmingham', 52.5, -1.9),
      district('B20', 'Handsworth', 'Birmingham', 52.51, -1.92),
      district('B29', 'Selly Oak', 'Birmingham', 52.437, -1.94),
      district('B30', 'Stirchley', 'Birmingham', 52.425, -1.925),
      district('B31', 'Northfield', 'Birmingham', 52.41, -1.975),
      district('B32', 'Quinton', 'Birmingham', 52.45, -1.99),
      district('B38', 'Kings Norton', 'Birmingham', 52.4, -1.925),
      district('B42', 'Perry Barr', 'Birmingham', 52.535, -1.9),
      district('B44', 'Kingstanding', 'Birmingham', 52.545, -1.885),
    ],
  },
  {
    id: 'coventry',
    name: 'Coventry',
    centre: { lat: 52.408, lng: -1.51 },
    weight: 12,
    vertices: [[-1.615, 52.44], [-1.58, 52.463], [-1.5, 52.468], [-1.44, 52.45], [-1.425, 52.41], [-1.44, 52.375],
      [-1.5, 52.36], [-1.57, 52.368], [-1.615, 52.395]],
    districts: [
      district('CV1', 'City Centre', 'Coventry', 52.408, -1.51),
      district('CV2', 'Wyken', 'Coventry', 52.425, -1.47),
      district('CV3', 'Cheylesmore', 'Coventry', 52.385, -1.49),
      district('CV4', 'Tile Hill', 'Coventry', 52.395, -1.56),
      district('CV5', 'Earlsdon', 'Coventry', 52.415, -1.55),
      district('CV6', 'Foleshill', 'Coventry', 52.435, -1.505),
    ],
  },
  {
    id: 'dudley',
    name: 'Dudley',
    centre: { lat: 52.512, lng: -2.085 },
    weight: 11,
    vertices: [v.coseley, v.tipton, v.netherton, v.rowley, v.quinton, v.frankley, [-2.08, 52.42], [-2.16, 52.425],
      [-2.2, 52.47], [-2.19, 52.515], v.sedgleyNorth],
    districts: [
      district('DY1', 'Dudley', 'Dudley', 52.512, -2.085),
      district('DY2', 'Netherton', 'Dudley', 52.49, -2.078),
      district('DY3', 'Sedgley', 'Dudley', 52.535, -2.125),
      district('DY5', 'Brierley Hill', 'Brierley Hill', 52.48, -2.12),
      district('DY6', 'Kingswinford', 'Kingswinford', 52.495, -2.165),
      district('DY8', 'Stourbridge', 'Stourbridge', 52.455, -2.15),
      district('DY9', 'Lye', 'Stourbridge', 52.455, -2.115),
      district('B62', 'Halesowen', 'Halesowen', 52.45, -2.04),
      district('B63', 'Cradley', 'Halesowen', 52.455, -2.07),
    ],
  },
  {
    id: 'sandwell',
    name: 'Sandwell',
    centre: { lat: 52.519, lng: -1.995 },
    weight: 11,
    vertices: [v.darlaston, v.walsallSouth, v.walsallSouthEast, v.greatBarr, v.handsworth, v.bearwood, v.quinton,
      v.rowley, v.netherton, v.tipton, v.coseley],
    districts: [
      district('B43', 'Great Barr', 'Birmingham', 52.548, -1.937),
      district('B65', 'Rowley Regis', 'Rowley Regis', 52.483, -2.04),
      district('B66', 'Smethwick', 'Smethwick', 52.495, -1.967),
      district('B67', 'Bearwood', 'Smethwick', 52.48, -1.972),
      district('B68', 'Oldbury', 'Oldbury', 52.49, -2.01),
      district('B69', 'Tividale', 'Oldbury', 52.505, -2.03),
      district('B70', 'West Bromwich', 'West Bromwich', 52.52, -1.995),
      district('B71', 'Charlemont', 'West Bromwich', 52.535, -1.98),
      district('DY4', 'Tipton', 'Tipton', 52.53, -2.058),
      district('WS10', 'Wednesbury', 'Wednesbury', 52.553, -2.02),
    ],
  },
  {
    id: 'solihull',
    name: 'Solihull',
    centre: { lat: 52.412, lng: -1.778 },
    weight: 7,
    vertices: [v.castleBromwich, [-1.69, 52.5], [-1.625, 52.455], [-1.625, 52.385], [-1.68, 52.34], [-1.8, 52.345],
      v.majorsGreen, v.bhamSplitSouth, v.hallGreenSouth, v.olton, v.sheldonSouth, v.chelmsleyWest],
    districts: [
      district('B37', 'Chelmsley Wood', 'Birmingham', 52.48, -1.732),
      district('B40', 'Marston Green', 'Birmingham', 52.46, -1.715),
      district('B90', 'Shirley', 'Solihull', 52.405, -1.815),
      district('B91', 'Solihull', 'Solihull', 52.412, -1.778),
      district('B92', 'Olton', 'Solihull', 52.43, -1.755),
      district('B93', 'Knowle', 'Solihull', 52.385, -1.73),
      district('CV7', 'Meriden', 'Coventry', 52.43, -1.65),
    ],
  },
  {
    id: 'walsall',
    name: 'Walsall',
    centre: { lat: 52.586, lng: -1.982 },
    weight: 10,
    vertices: [v.greatBarr, v.bhamSplitNorth, v.suttonNorth, [-1.88, 52.665], [-1.96, 52.668], [-2.035, 52.645],
      v.wednesfieldNorth, v.willenhallWest, v.darlaston, v.walsallSouth, v.walsallSouthEast],
    districts: [
      district('WS1', 'Walsall', 'Walsall', 52.582, -1.98),
      district('WS2', 'Birchills', 'Walsall', 52.592, -2.005),
      district('WS3', 'Bloxwich', 'Walsall', 52.62, -2.0),
      district('WS4', 'Rushall', 'Walsall', 52.61, -1.96),
      district('WS5', 'Caldmore', 'Walsall', 52.572, -1.955),
      district('WS8', 'Brownhills', 'Walsall', 52.645, -1.93),
      district('WS9', 'Aldridge', 'Walsall', 52.605, -1.915),
      district('WV12', 'Willenhall', 'Willenhall', 52.605, -2.035),
      district('WV13', 'Willenhall', 'Willenhall', 52.585, -2.045),
    ],
  },
  {
    id: 'wolverhampton',
    name: 'Wolverhampton',
    centre: { lat: 52.586, lng: -2.128 },
    weight: 9,
    vertices: [v.wednesfieldNorth, [-2.08, 52.64], [-2.15, 52.64], [-2.2, 52.615], [-2.21, 52.58], [-2.185, 52.552],
      v.sedgleyNorth, v.coseley, v.darlaston, v.willenhallWest],
    districts: [
      district('WV1', 'City Centre', 'Wolverhampton', 52.586, -2.128),
      district('WV2', 'Blakenhall', 'Wolverhampton', 52.574, -2.12),
      district('WV3', 'Bradmore', 'Wolverhampton', 52.58, -2.15),
      district('WV4', 'Penn', 'Wolverhampton', 52.562, -2.14),
      district('WV6', 'Tettenhall', 'Wolverhampton', 52.598, -2.17),
      district('WV10', 'Bushbury', 'Wolverhampton', 52.612, -2.11),
      district('WV11', 'Wednesfield', 'Wolverhampton', 52.602, -2.085),
      district('WV14', 'Bilston', 'Bilston', 52.566, -2.075),
    ],
  },
]

const areasById = new Map(demoAreas.map((area) => [area.id, area]))

export function areaById(id: string): DemoArea {
  const area = areasById.get(id)
  if (!area) throw new Error(`unknown demo area "${id}"`)
  return area
}

export function closedRing(vertices: readonly LngLat[]): LngLat[] {
  return [...vertices, vertices[0]]
}

/** Ray casting (even-odd rule); the ring may be open or closed. */
export function pointInRing(ring: readonly LngLat[], point: LatLng): boolean {
  let inside = false
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]
    const [xj, yj] = ring[j]
    if (yi > point.lat !== yj > point.lat && point.lng < ((xj - xi) * (point.lat - yi)) / (yj - yi) + xi) inside = !inside
  }
  return inside
}

export function pointInArea(areaId: string, point: LatLng): boolean {
  return pointInRing(areaById(areaId).vertices, point)
}

/** The area a point falls in, or null outside the force. */
export function areaAt(point: LatLng): DemoArea | null {
  return demoAreas.find((area) => pointInRing(area.vertices, point)) ?? null
}
