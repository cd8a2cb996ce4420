/**
 * The geofence engine on generated GPS traces: seeded, so every run sees the same jitter. Traces
 * are laid out in metres east and north of a point in Birmingham and turned into fixes.
 */
import { booleanIntersects } from '@turf/boolean-intersects'
import { lineString, point, polygon } from '@turf/helpers'
import { describe, expect, it } from 'vitest'
import { createGeofenceEngine, pointInRing, type Fence, type Fix, type GeofenceEvent, type GeofenceOptions, type LatLng } from './engine.ts'

const origin: LatLng = { lat: 52.4862, lng: -1.8904 }
const metresPerDegree = (6_371_008.8 * Math.PI) / 180

/** The point `east` and `north` metres from the origin. */
function at(east: number, north: number): LatLng {
  return {
    lat: origin.lat + north / metresPerDegree,
    lng: origin.lng + east / (metresPerDegree * Math.cos((origin.lat * Math.PI) / 180)),
  }
}

/** mulberry32: a small seeded generator, so traces are the same on every run. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

function gaussian(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random())
}

type Leg = { to: [east: number, north: number]; speedMps: number }
type TraceOptions = { from: [number, number]; legs: Leg[]; everyS: number; jitterM: number; accuracyM?: number; seed: number; startMs?: number }

/** Fixes every `everyS` seconds along straight legs, each position off by gaussian jitter. */
function trace({ from, legs, everyS, jitterM, accuracyM = 10, seed, startMs = 0 }: TraceOptions): Fix[] {
  const random = seededRandom(seed)
  const fixes: Fix[] = []
  let [x, y] = from
  let t = 0
  const emit = () => {
    const p = at(x + gaussian(random) * jitterM, y + gaussian(random) * jitterM)
    fixes.push({ ...p, accuracyM, timestamp: startMs + Math.round(t * 1000) })
  }
  emit()
  for (const { to, speedMps } of legs) {
    const length = Math.hypot(to[0] - x, to[1] - y)
    const steps = Math.max(1, Math.round(length / speedMps / everyS))
    const [sx, sy] = [x, y]
    for (let step = 1; step <= steps; step += 1) {
      x = sx + ((to[0] - sx) * step) / steps
      y = sy + ((to[1] - sy) * step) / steps
      t += length / speedMps / steps
      emit()
    }
  }
  return fixes
}

/** Stays at one place for `seconds`, a fix a second. */
function stay(where: [number, number], seconds: number, jitterM: number, seed: number, startMs = 0): Fix[] {
  const random = seededRandom(seed)
  return Array.from({ length: seconds + 1 }, (_, i) => {
    const p = at(where[0] + gaussian(random) * jitterM, where[1] + gaussian(random) * jitterM)
    return { ...p, accuracyM: 10, timestamp: startMs + i * 1000 }
  })
}

function circle(id: string, center: [number, number], radiusM: number, priority: 1 | 2 | 3 = 2): Fence {
  return { id, priority, label: id, reason: 'wanted', shape: { kind: 'circle', center: at(...center), radiusM } }
}

function area(id: string, ring: [number, number][], priority: 1 | 2 | 3 = 3): Fence {
  return { id, priority, label: id, reason: 'briefing', shape: { kind: 'polygon', ring: ring.map(([e, n]) => at(e, n)) } }
}

/** A U open to the north: arms 100 m wide, a 200 m notch between them, 100 m base. */
const uShape: [number, number][] = [
  [0, 0], [400, 0], [400, 400], [300, 400], [300, 100], [100, 100], [100, 400], [0, 400],
]

function run(fences: Fence[], fixes: Fix[], options?: Partial<GeofenceOptions>): GeofenceEvent[] {
  const engine = createGeofenceEngine(fences, options)
  return fixes.flatMap((fix) => engine.update(fix))
}

const summary = (events: GeofenceEvent[]) => events.map((event) => `${event.type} ${event.fenceId}`)

describe('walking and driving through fences', () => {
  it('walking through a circle: one enter near the edge, one exit once clearly out', () => {
    const fixes = trace({ from: [-400, 0], legs: [{ to: [400, 0], speedMps: 1.4 }], everyS: 1, jitterM: 4, seed: 1 })
    const events = run([circle('c', [0, 0], 150)], fixes)
    expect(summary(events)).toEqual(['enter c', 'exit c'])
    // Walking east at 1.4 m/s from 400 m west: the edge at 250 m takes ~179 s, the exit (175 m) ~411 s.
    const [enter, exit] = events
    expect(enter!.timestamp / 1000).toBeGreaterThan(165)
    expect(enter!.timestamp / 1000).toBeLessThan(190)
    expect(exit!.timestamp / 1000).toBeGreaterThan(400)
    expect(exit!.timestamp / 1000).toBeLessThan(425)
  })

  it('driving through a circle with a fix a second', () => {
    const fixes = trace({ from: [-2000, 30], legs: [{ to: [2000, 30], speedMps: 15 }], everyS: 1, jitterM: 5, seed: 2 })
    expect(summary(run([circle('c', [0, 0], 250)], fixes))).toEqual(['enter c', 'exit c'])
  })

  it('walking into the notch of a concave polygon is not entering it', () => {
    const fixes = trace({ from: [200, 800], legs: [{ to: [200, 200], speedMps: 1.4 }], everyS: 1, jitterM: 3, seed: 3 })
    expect(run([area('u', uShape)], fixes)).toEqual([])
  })

  it('walking down an arm of a concave polygon enters it once', () => {
    const fixes = trace({ from: [50, 800], legs: [{ to: [50, 200], speedMps: 1.4 }, { to: [50, 800], speedMps: 1.4 }], everyS: 1, jitterM: 3, seed: 4 })
    expect(summary(run([area('u', uShape)], fixes))).toEqual(['enter u', 'exit u'])
  })

  it('driving across both arms: enter, exit, then the quiet period hides the second arm', () => {
    const fixes = trace({ from: [-500, 300], legs: [{ to: [900, 300], speedMps: 13 }], everyS: 1, jitterM: 4, seed: 5 })
    expect(summary(run([area('u', uShape)], fixes))).toEqual(['enter u', 'exit u'])
    expect(summary(run([area('u', uShape)], fixes, { quietPeriodMs: 0 }))).toEqual(['enter u', 'exit u', 'enter u', 'exit u'])
  })

  it('a closed ring (first point repeated) behaves as the open one', () => {
    const fixes = trace({ from: [-500, 300], legs: [{ to: [900, 300], speedMps: 13 }], everyS: 1, jitterM: 4, seed: 5 })
    const closed = area('u', [...uShape, uShape[0]!])
    expect(summary(run([closed], fixes, { quietPeriodMs: 0 }))).toEqual(['enter u', 'exit u', 'enter u', 'exit u'])
  })
})

describe('no flapping', () => {
  it('ten minutes on a circle boundary give one enter and no exit', () => {
    const fixes = stay([200, 0], 600, 6, 11)
    expect(summary(run([circle('c', [0, 0], 200)], fixes))).toEqual(['enter c'])
  })

  it('without the quiet period, the exit margin alone keeps a boundary from flapping', () => {
    const fixes = stay([200, 0], 600, 6, 12)
    expect(summary(run([circle('c', [0, 0], 200)], fixes, { quietPeriodMs: 0 }))).toEqual(['enter c'])
  })

  it('ten minutes on a concave polygon edge give one enter', () => {
    const fixes = stay([300, 250], 600, 6, 13)
    expect(summary(run([area('u', uShape)], fixes, { quietPeriodMs: 0 }))).toEqual(['enter u'])
  })

  it('a poor fix widens the exit margin: 40 m accuracy at 30 m outside is no exit', () => {
    const engine = createGeofenceEngine([circle('c', [0, 0], 100)])
    expect(summary(engine.update({ ...at(0, 0), accuracyM: 5, timestamp: 0 }))).toEqual(['enter c'])
    expect(engine.update({ ...at(130, 0), accuracyM: 40, timestamp: 10_000 })).toEqual([])
    expect(summary(engine.update({ ...at(130, 0), accuracyM: 10, timestamp: 20_000 }))).toEqual(['exit c'])
  })
})

describe('bad fixes are ignored', () => {
  it('a fix with poor accuracy inside a fence does not enter it', () => {
    const engine = createGeofenceEngine([circle('c', [0, 0], 100)])
    expect(engine.update({ ...at(-500, 0), accuracyM: 8, timestamp: 0 })).toEqual([])
    expect(engine.update({ ...at(0, 0), accuracyM: 80, timestamp: 400_000 })).toEqual([])
    expect(engine.update({ ...at(0, 0), accuracyM: 50.5, timestamp: 401_000 })).toEqual([])
    expect(summary(engine.update({ ...at(0, 0), accuracyM: 50, timestamp: 402_000 }))).toEqual(['enter c'])
  })

  it('a teleporting fix (faster than 70 m/s) is ignored, and so is the segment to it', () => {
    const fixes = trace({ from: [-1000, 0], legs: [{ to: [-200, 0], speedMps: 1.4 }], everyS: 1, jitterM: 3, seed: 21 })
    const engine = createGeofenceEngine([circle('far', [3000, 0], 100), circle('near', [0, 0], 100)])
    const events = fixes.flatMap((fix, i) => {
      const out = engine.update(fix)
      // Every 60 s a glitch lands inside "far", 3 km away, a second later.
      return i % 60 === 30 ? [...out, ...engine.update({ ...at(3000, 0), accuracyM: 5, timestamp: fix.timestamp + 500 })] : out
    })
    expect(events).toEqual([])
    // The walk goes on normally after the glitches: it reaches "near".
    const last = fixes.at(-1)!
    const onward = trace({ from: [-200, 0], legs: [{ to: [0, 0], speedMps: 1.4 }], everyS: 1, jitterM: 3, seed: 22, startMs: last.timestamp + 1000 })
    expect(summary(onward.flatMap((fix) => engine.update(fix)))).toEqual(['enter near'])
  })

  it('a fix no later than the last accepted one is ignored', () => {
    const engine = createGeofenceEngine([circle('c', [0, 0], 100)])
    expect(engine.update({ ...at(-300, 0), accuracyM: 8, timestamp: 10_000 })).toEqual([])
    expect(engine.update({ ...at(0, 0), accuracyM: 8, timestamp: 10_000 })).toEqual([])
    expect(engine.update({ ...at(0, 0), accuracyM: 8, timestamp: 5_000 })).toEqual([])
  })
})

describe('rule 4: the quiet period after an exit', () => {
  const fence = circle('c', [0, 0], 100)
  /** In at t0, out, then back in at `returnAfterExitS` after the exit, stay 2 min, out again. */
  function visitTwice(returnAfterExitS: number, seed: number): GeofenceEvent[] {
    const engine = createGeofenceEngine([fence])
    const first = trace({ from: [-300, 0], legs: [{ to: [0, 0], speedMps: 1.4 }, { to: [-300, 0], speedMps: 1.4 }], everyS: 1, jitterM: 3, seed })
    const events = first.flatMap((fix) => engine.update(fix))
    const exit = events.find((event) => event.type === 'exit')!
    const waitEnd = exit.timestamp + returnAfterExitS * 1000 - 150_000
    const waiting = stay([-300, 0], Math.max(0, Math.round((waitEnd - first.at(-1)!.timestamp) / 1000)), 3, seed + 1, first.at(-1)!.timestamp + 1000)
    events.push(...waiting.flatMap((fix) => engine.update(fix)))
    const back = trace({
      from: [-300, 0],
      legs: [{ to: [0, 0], speedMps: 1.4 }],
      everyS: 1, jitterM: 3, seed: seed + 2, startMs: waiting.at(-1)!.timestamp + 1000,
    })
    const inside = stay([0, 0], 120, 3, seed + 3, back.at(-1)!.timestamp + 1000)
    const out = trace({ from: [0, 0], legs: [{ to: [-300, 0], speedMps: 1.4 }], everyS: 1, jitterM: 3, seed: seed + 4, startMs: inside.at(-1)!.timestamp + 1000 })
    events.push(...[...back, ...inside, ...out].flatMap((fix) => engine.update(fix)))
    return events
  }

  it('coming back within 15 minutes of the exit says nothing, in or out', () => {
    expect(summary(visitTwice(5 * 60, 31))).toEqual(['enter c', 'exit c'])
  })

  it('coming back after the quiet period is a new enter and exit', () => {
    const events = visitTwice(20 * 60, 32)
    expect(summary(events)).toEqual(['enter c', 'exit c', 'enter c', 'exit c'])
    expect(events[2]!.timestamp - events[1]!.timestamp).toBeGreaterThanOrEqual(15 * 60_000)
  })

  it('still inside when the quiet period ends: no late "entering"; the next visit is reported', () => {
    const engine = createGeofenceEngine([fence])
    const events: GeofenceEvent[] = []
    const feed = (fixes: Fix[]) => events.push(...fixes.flatMap((fix) => engine.update(fix)))
    feed([{ ...at(0, 0), accuracyM: 5, timestamp: 0 }, { ...at(-300, 0), accuracyM: 5, timestamp: 60_000 }])
    feed(stay([0, 0], 20 * 60, 3, 33, 10 * 60_000)) // back in at 10 min, stays to 30 min
    feed([{ ...at(-300, 0), accuracyM: 5, timestamp: 31 * 60_000 }, { ...at(0, 0), accuracyM: 5, timestamp: 32 * 60_000 }])
    expect(summary(events)).toEqual(['enter c', 'exit c', 'enter c'])
    expect(events[2]!.timestamp).toBe(32 * 60_000)
  })
})

describe('rule 5: several fences on one fix', () => {
  it('are reported in priority order, 1 first, ties in list order', () => {
    const fences = [circle('p3', [0, 0], 300, 3), circle('p1-b', [10, 0], 200, 1), circle('p2', [0, 10], 250, 2), circle('p1-a', [0, 0], 200, 1)]
    const engine = createGeofenceEngine(fences)
    const events = engine.update({ ...at(0, 0), accuracyM: 5, timestamp: 0 })
    expect(summary(events)).toEqual(['enter p1-b', 'enter p1-a', 'enter p2', 'enter p3'])
  })

  it('overlapping fences entered one after another are reported as the officer reaches each', () => {
    const fences = [circle('outer', [0, 0], 300, 3), circle('inner', [0, 0], 100, 1)]
    const fixes = trace({ from: [-600, 0], legs: [{ to: [0, 0], speedMps: 1.4 }], everyS: 1, jitterM: 3, seed: 41 })
    expect(summary(run(fences, fixes))).toEqual(['enter outer', 'enter inner'])
  })

  it('exits come before enters on the same fix', () => {
    const engine = createGeofenceEngine([circle('a', [0, 0], 100, 3), circle('b', [300, 0], 100, 1)])
    engine.update({ ...at(0, 0), accuracyM: 5, timestamp: 0 })
    expect(summary(engine.update({ ...at(300, 0), accuracyM: 5, timestamp: 10_000 }))).toEqual(['exit a', 'enter b'])
  })
})

describe('rule 2: sparse fixes crossing a fence', () => {
  const fence = circle('c', [0, 0], 80, 1)

  it('a car with a fix every 20 s that never lands inside still enters the fence it drove through', () => {
    const fixes = trace({ from: [-1250, 0], legs: [{ to: [1250, 0], speedMps: 25 }], everyS: 20, jitterM: 4, seed: 51 })
    // The fixes fall 500 m apart, none within 80 m of the centre.
    expect(fixes.every((fix) => Math.abs((fix.lng - origin.lng) * metresPerDegree * Math.cos((origin.lat * Math.PI) / 180)) > 100)).toBe(true)
    expect(summary(run([fence], fixes))).toEqual(['enter c', 'exit c'])
  })

  it('a concave polygon crossed between fixes is entered; the notch alone is not', () => {
    // Entered on the fix after the crossing; left on the next one, which is still clearly outside.
    const across = [0, 1, 2].map((k) => ({ ...at(-200 + 800 * k, 300), accuracyM: 5, timestamp: k * 25_000 }))
    const events = run([area('u', uShape)], across)
    expect(events).toEqual([{ type: 'enter', fenceId: 'u', timestamp: 25_000 }, { type: 'exit', fenceId: 'u', timestamp: 50_000 }])
    const notchOnly = [{ ...at(200, 900), accuracyM: 5, timestamp: 0 }, { ...at(200, 150), accuracyM: 5, timestamp: 25_000 }]
    expect(run([area('u', uShape)], notchOnly)).toEqual([])
  })

  it('only when the previous accepted fix is at most 30 s old', () => {
    const fix = (east: number, seconds: number): Fix => ({ ...at(east, 0), accuracyM: 5, timestamp: seconds * 1000 })
    expect(summary(run([fence], [fix(-500, 0), fix(500, 30)]))).toEqual(['enter c'])
    expect(run([fence], [fix(-500, 0), fix(500, 31)])).toEqual([])
    expect(summary(run([fence], [fix(-500, 0), fix(500, 31)], { crossingMaxGapMs: 60_000 }))).toEqual(['enter c'])
  })

  it('a segment passing beside a circle does not enter it', () => {
    const fix = (east: number, north: number, seconds: number): Fix => ({ ...at(east, north), accuracyM: 5, timestamp: seconds * 1000 })
    expect(run([fence], [fix(-500, 90, 0), fix(500, 90, 20)])).toEqual([])
  })
})

describe('fences change', () => {
  it('setFences keeps the state of fences kept by id, and adds new ones', () => {
    const engine = createGeofenceEngine([circle('a', [0, 0], 100)])
    expect(summary(engine.update({ ...at(0, 0), accuracyM: 5, timestamp: 0 }))).toEqual(['enter a'])
    engine.setFences([circle('a', [0, 0], 100), circle('b', [0, 0], 150, 1)])
    expect(summary(engine.update({ ...at(1, 0), accuracyM: 5, timestamp: 1000 }))).toEqual(['enter b'])
    engine.setFences([])
    expect(engine.update({ ...at(0, 0), accuracyM: 5, timestamp: 2000 })).toEqual([])
  })

  it('skips polygons of fewer than three points', () => {
    const engine = createGeofenceEngine([area('line', [[0, 0], [10, 0]])])
    expect(engine.update({ ...at(5, 0), accuracyM: 5, timestamp: 0 })).toEqual([])
  })
})

describe('geometry agrees with turf', () => {
  /** A star-shaped, usually concave ring: random radii around a centre. */
  function randomRing(random: () => number): [number, number][] {
    const n = 5 + Math.floor(random() * 10)
    return Array.from({ length: n }, (_, i) => {
      const angle = (2 * Math.PI * i) / n
      const r = 50 + random() * 400
      return [Math.cos(angle) * r, Math.sin(angle) * r] as [number, number]
    })
  }

  it('point in polygon and segment crossing on 300 random concave polygons', () => {
    const random = seededRandom(61)
    let insideCount = 0
    let crossingCount = 0
    for (let k = 0; k < 300; k += 1) {
      const ring = randomRing(random).map(([e, n]) => at(e, n))
      const coords = ring.flatMap((p) => [p.lng, p.lat])
      const shape = polygon([[...ring.map((p) => [p.lng, p.lat]), [ring[0]!.lng, ring[0]!.lat]]])
      const fence: Fence = { id: 'f', priority: 3, label: 'f', reason: 'briefing', shape: { kind: 'polygon', ring } }
      for (let m = 0; m < 10; m += 1) {
        const p = at(random() * 1000 - 500, random() * 1000 - 500)
        const q = at(random() * 1000 - 500, random() * 1000 - 500)
        const inside = pointInRing(p.lng, p.lat, coords)
        expect(inside).toBe(booleanIntersects(point([p.lng, p.lat]), shape))
        if (inside) insideCount += 1
        // The engine's crossing test, through the public API: a 10 s hop from p to q.
        const fromP = createGeofenceEngine([fence], { maxSpeedMps: 1e6 })
        const startInside = fromP.update({ ...p, accuracyM: 1, timestamp: 0 }).length > 0
        const crossed = startInside || fromP.update({ ...q, accuracyM: 1, timestamp: 10_000 }).length > 0
        const expected = booleanIntersects(lineString([[p.lng, p.lat], [q.lng, q.lat]]), shape)
        expect(crossed).toBe(expected)
        if (expected && !startInside) crossingCount += 1
      }
    }
    // The random cases exercised both answers.
    expect(insideCount).toBeGreaterThan(100)
    expect(crossingCount).toBeGreaterThan(100)
  })
})
