/**
 * The geofence engine: given the device's fences and its stream of position fixes, it says when the
 * officer enters or leaves a fence, without spamming them. Pure TypeScript, no DOM or Node APIs: the
 * device runs it in patrol mode on fences built from the synced package (fences.ts), so prompts
 * work offline; tests and the benchmark run it on generated traces.
 *
 * Rules (defaults, each configurable through `GeofenceOptions`):
 * 1. A fix with accuracy worse than 50 m, or implying more than 70 m/s from the last accepted fix,
 *    is ignored (as is a fix no later than the last accepted one).
 * 2. A fence is entered when an accepted fix lies inside it, or when the straight segment from the
 *    previous accepted fix (at most 30 s earlier) to this one crosses it: a car with sparse fixes.
 * 3. A fence is exited only when an accepted fix lies more than max(accuracy, 25 m) outside it, so
 *    an officer standing on a boundary does not flap in and out.
 * 4. After an exit, the fence is not reported again, neither its enter nor its exit, until 15
 *    minutes after that exit. An officer who comes back inside during the quiet period and is
 *    still inside when it ends is not told again that they are entering: they were told already,
 *    and "entering" said while they stand still would be wrong. They hear of it on the next entry.
 * 5. Events of one fix come exits first, then enters, each in priority order (1 first, then the
 *    order of the fence list). Polygons may be concave (ray casting; no convexity assumed).
 * 6. Fences are held in a static spatial index (flatbush) of their bounding boxes in degrees, so a
 *    fix only tests the few fences near it and the fences it is inside.
 *
 * Distances are in metres on a local equirectangular projection around the fix (error far below
 * GPS accuracy over the few kilometres a fence or a 30-second segment spans).
 */
import Flatbush from 'flatbush'

export type LatLng = { lat: number; lng: number }
export type Fence = {
  id: string
  priority: 1 | 2 | 3
  label: string
  reason: 'wanted' | 'crime-trend' | 'briefing' | 'curfew'
  shape: { kind: 'circle'; center: LatLng; radiusM: number } | { kind: 'polygon'; ring: LatLng[] }
}
/** A position fix; `timestamp` in ms. */
export type Fix = { lat: number; lng: number; accuracyM: number; timestamp: number }
export type GeofenceEvent = { type: 'enter' | 'exit'; fenceId: string; timestamp: number }

export type GeofenceOptions = {
  /** Rule 1: fixes less accurate than this are ignored. */
  maxAccuracyM: number
  /** Rule 1: fixes implying a faster move from the last accepted fix are ignored. */
  maxSpeedMps: number
  /** Rule 2: the segment from the previous accepted fix counts only if that fix is at most this old. */
  crossingMaxGapMs: number
  /** Rule 3: an exit needs the fix this far outside, or its accuracy if that is larger. */
  exitMarginM: number
  /** Rule 4: how long after an exit the fence stays silent. */
  quietPeriodMs: number
}

export const defaultGeofenceOptions: GeofenceOptions = {
  maxAccuracyM: 50,
  maxSpeedMps: 70,
  crossingMaxGapMs: 30_000,
  exitMarginM: 25,
  quietPeriodMs: 15 * 60_000,
}

export type GeofenceEngine = {
  /** Feeds one fix; returns what it changed (empty when ignored or nothing changed). */
  update(fix: Fix): GeofenceEvent[]
  /** Replaces the fences (after a sync). A fence kept by id keeps its state: no new prompt. */
  setFences(fences: Fence[]): void
}

const earthRadiusM = 6_371_008.8
const metresPerDegree = (earthRadiusM * Math.PI) / 180

/** Metres per degree of longitude at a latitude. */
function metresPerDegreeLng(lat: number): number {
  return metresPerDegree * Math.cos((lat * Math.PI) / 180)
}

/** Distance in metres between two points (equirectangular; fine below a few tens of km). */
export function distanceM(a: LatLng, b: LatLng): number {
  const dy = (b.lat - a.lat) * metresPerDegree
  const dx = (b.lng - a.lng) * metresPerDegreeLng((a.lat + b.lat) / 2)
  return Math.hypot(dx, dy)
}

/** Squared distance from point (px,py) to segment (ax,ay)-(bx,by), in the plane. */
function pointSegmentDistanceSq(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax
  const dy = by - ay
  const lengthSq = dx * dx + dy * dy
  let t = lengthSq === 0 ? 0 : ((px - ax) * dx + (py - ay) * dy) / lengthSq
  if (t < 0) t = 0
  else if (t > 1) t = 1
  const ex = ax + t * dx - px
  const ey = ay + t * dy - py
  return ex * ex + ey * ey
}

function orientation(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  const value = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax)
  return value > 0 ? 1 : value < 0 ? -1 : 0
}

function onSegment(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): boolean {
  return Math.min(ax, bx) <= cx && cx <= Math.max(ax, bx) && Math.min(ay, by) <= cy && cy <= Math.max(ay, by)
}

/** Whether segments p1-p2 and p3-p4 share a point (touching counts). */
export function segmentsIntersect(x1: number, y1: number, x2: number, y2: number, x3: number, y3: number, x4: number, y4: number): boolean {
  const o1 = orientation(x1, y1, x2, y2, x3, y3)
  const o2 = orientation(x1, y1, x2, y2, x4, y4)
  const o3 = orientation(x3, y3, x4, y4, x1, y1)
  const o4 = orientation(x3, y3, x4, y4, x2, y2)
  if (o1 !== o2 && o3 !== o4) return true
  if (o1 === 0 && onSegment(x1, y1, x2, y2, x3, y3)) return true
  if (o2 === 0 && onSegment(x1, y1, x2, y2, x4, y4)) return true
  if (o3 === 0 && onSegment(x3, y3, x4, y4, x1, y1)) return true
  if (o4 === 0 && onSegment(x3, y3, x4, y4, x2, y2)) return true
  return false
}

/**
 * Whether (x, y) lies inside the ring of `coords` (x0, y0, x1, y1, …; not closed), by ray casting,
 * so concave rings work. Points exactly on an edge may go either way; rule 3's margin makes that moot.
 */
export function pointInRing(x: number, y: number, coords: ArrayLike<number>): boolean {
  let inside = false
  const n = coords.length
  for (let i = 0, j = n - 2; i < n; j = i, i += 2) {
    const xi = coords[i]!
    const yi = coords[i + 1]!
    const xj = coords[j]!
    const yj = coords[j + 1]!
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside
  }
  return inside
}

/** A fence as the engine keeps it: polygon rings as flat degree arrays (lng, lat, …). */
type PreparedFence =
  | { fence: Fence; kind: 'circle'; lat: number; lng: number; radiusM: number }
  | { fence: Fence; kind: 'polygon'; ring: Float64Array }

type FenceState = { inside: boolean; reported: boolean; quietUntil: number }

function prepare(fence: Fence): PreparedFence {
  if (fence.shape.kind === 'circle') {
    const { center, radiusM } = fence.shape
    return { fence, kind: 'circle', lat: center.lat, lng: center.lng, radiusM }
  }
  const points = fence.shape.ring
  // A closed ring repeats its first point; drop it so every edge is counted once.
  const last = points.length - 1
  const closed = last > 0 && points[0]!.lat === points[last]!.lat && points[0]!.lng === points[last]!.lng
  const count = closed ? last : points.length
  const ring = new Float64Array(count * 2)
  for (let i = 0; i < count; i += 1) {
    ring[i * 2] = points[i]!.lng
    ring[i * 2 + 1] = points[i]!.lat
  }
  return { fence, kind: 'polygon', ring }
}

function boundsOf(prepared: PreparedFence): [minX: number, minY: number, maxX: number, maxY: number] {
  if (prepared.kind === 'circle') {
    const dLat = prepared.radiusM / metresPerDegree
    const dLng = prepared.radiusM / metresPerDegreeLng(prepared.lat)
    return [prepared.lng - dLng, prepared.lat - dLat, prepared.lng + dLng, prepared.lat + dLat]
  }
  let minX = Infinity
  let minY = Infinity
  let maxX = -Infinity
  let maxY = -Infinity
  const { ring } = prepared
  for (let i = 0; i < ring.length; i += 2) {
    minX = Math.min(minX, ring[i]!)
    maxX = Math.max(maxX, ring[i]!)
    minY = Math.min(minY, ring[i + 1]!)
    maxY = Math.max(maxY, ring[i + 1]!)
  }
  return [minX, minY, maxX, maxY]
}

/**
 * How far (m) the point lies outside the fence: negative or zero inside, positive outside.
 * For a polygon, inside is reported as 0 (only the outside distance matters to the rules).
 */
function outsideDistanceM(prepared: PreparedFence, lat: number, lng: number): number {
  if (prepared.kind === 'circle') {
    return distanceM({ lat, lng }, prepared) - prepared.radiusM
  }
  const { ring } = prepared
  if (pointInRing(lng, lat, ring)) return 0
  // Project the ring into metres around the point, then take the nearest edge.
  const kx = metresPerDegreeLng(lat)
  let best = Infinity
  const n = ring.length
  for (let i = 0, j = n - 2; i < n; j = i, i += 2) {
    const ax = (ring[j]! - lng) * kx
    const ay = (ring[j + 1]! - lat) * metresPerDegree
    const bx = (ring[i]! - lng) * kx
    const by = (ring[i + 1]! - lat) * metresPerDegree
    best = Math.min(best, pointSegmentDistanceSq(0, 0, ax, ay, bx, by))
  }
  return Math.sqrt(best)
}

/** Whether the segment from `a` to `b` touches the fence (either end inside, or crossing it). */
function segmentTouches(prepared: PreparedFence, a: LatLng, b: LatLng): boolean {
  const midLat = (a.lat + b.lat) / 2
  const kx = metresPerDegreeLng(midLat)
  if (prepared.kind === 'circle') {
    const ax = (a.lng - prepared.lng) * kx
    const ay = (a.lat - prepared.lat) * metresPerDegree
    const bx = (b.lng - prepared.lng) * kx
    const by = (b.lat - prepared.lat) * metresPerDegree
    return pointSegmentDistanceSq(0, 0, ax, ay, bx, by) <= prepared.radiusM * prepared.radiusM
  }
  const { ring } = prepared
  if (pointInRing(a.lng, a.lat, ring) || pointInRing(b.lng, b.lat, ring)) return true
  // Degrees are fine for an intersection test: it is invariant under the (affine) projection.
  const n = ring.length
  for (let i = 0, j = n - 2; i < n; j = i, i += 2) {
    if (segmentsIntersect(a.lng, a.lat, b.lng, b.lat, ring[j]!, ring[j + 1]!, ring[i]!, ring[i + 1]!)) return true
  }
  return false
}

export function createGeofenceEngine(fences: Fence[], options?: Partial<GeofenceOptions>): GeofenceEngine {
  const settings: GeofenceOptions = { ...defaultGeofenceOptions, ...options }
  let prepared: PreparedFence[] = []
  let states: FenceState[] = []
  let index: Flatbush | null = null
  /** Indices of fences the officer is inside (reported or not). */
  let insideSet = new Set<number>()
  let lastAccepted: Fix | null = null

  function setFences(next: Fence[]): void {
    const previous = new Map<string, FenceState>()
    prepared.forEach((p, i) => previous.set(p.fence.id, states[i]!))
    prepared = next.filter((fence) => fence.shape.kind === 'circle' || fence.shape.ring.length >= 3).map(prepare)
    states = prepared.map((p) => previous.get(p.fence.id) ?? { inside: false, reported: false, quietUntil: -Infinity })
    insideSet = new Set()
    states.forEach((state, i) => {
      if (state.inside) insideSet.add(i)
    })
    if (prepared.length === 0) {
      index = null
      return
    }
    const built = new Flatbush(prepared.length)
    for (const p of prepared) built.add(...boundsOf(p))
    built.finish()
    index = built
  }

  function accept(fix: Fix): boolean {
    if (!(fix.accuracyM <= settings.maxAccuracyM)) return false
    if (!Number.isFinite(fix.lat) || !Number.isFinite(fix.lng) || !Number.isFinite(fix.timestamp)) return false
    if (lastAccepted === null) return true
    const elapsedS = (fix.timestamp - lastAccepted.timestamp) / 1000
    if (elapsedS <= 0) return false
    return distanceM(lastAccepted, fix) / elapsedS <= settings.maxSpeedMps
  }

  function update(fix: Fix): GeofenceEvent[] {
    if (!accept(fix)) return []
    const previous = lastAccepted
    lastAccepted = fix
    const exits: number[] = []
    const enters: number[] = []

    // Rule 3: leave only when clearly outside.
    const exitMarginM = Math.max(fix.accuracyM, settings.exitMarginM)
    for (const i of insideSet) {
      if (outsideDistanceM(prepared[i]!, fix.lat, fix.lng) > exitMarginM) exits.push(i)
    }

    // Rule 2: inside now, or crossed since a recent previous fix.
    if (index !== null) {
      const useSegment = previous !== null && fix.timestamp - previous.timestamp <= settings.crossingMaxGapMs
      const candidates = useSegment
        ? index.search(Math.min(previous.lng, fix.lng), Math.min(previous.lat, fix.lat), Math.max(previous.lng, fix.lng), Math.max(previous.lat, fix.lat))
        : index.search(fix.lng, fix.lat, fix.lng, fix.lat)
      for (const i of candidates) {
        if (states[i]!.inside) continue
        const p = prepared[i]!
        const entered = useSegment ? segmentTouches(p, previous, fix) : outsideDistanceM(p, fix.lat, fix.lng) <= 0
        if (entered) enters.push(i)
      }
    }

    const events: GeofenceEvent[] = []
    const byPriority = (a: number, b: number) => prepared[a]!.fence.priority - prepared[b]!.fence.priority || a - b
    for (const i of exits.sort(byPriority)) {
      const state = states[i]!
      state.inside = false
      insideSet.delete(i)
      // Rule 4: an unreported visit (made during a quiet period) ends silently and extends nothing.
      if (!state.reported) continue
      state.reported = false
      state.quietUntil = fix.timestamp + settings.quietPeriodMs
      events.push({ type: 'exit', fenceId: prepared[i]!.fence.id, timestamp: fix.timestamp })
    }
    for (const i of enters.sort(byPriority)) {
      const state = states[i]!
      state.inside = true
      insideSet.add(i)
      if (fix.timestamp < state.quietUntil) continue
      state.reported = true
      events.push({ type: 'enter', fenceId: prepared[i]!.fence.id, timestamp: fix.timestamp })
    }
    return events
  }

  setFences(fences)
  return { update, setFences }
}
