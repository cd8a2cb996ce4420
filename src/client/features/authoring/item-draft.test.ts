import { describe, expect, it } from 'vitest'
import type { BriefingItem } from '../../../shared/api/intel.ts'
import { draftFromItem, draftToInput, fromDateTimeLocal, newDraft, parsePoint, toDateTimeLocal, type ItemDraft } from './item-draft.ts'

describe('datetime-local values', () => {
  it('round-trip through ISO instants in the device time zone', () => {
    const iso = new Date(2026, 10, 25, 19, 30).toISOString()
    expect(toDateTimeLocal(iso)).toBe('2026-11-25T19:30')
    expect(fromDateTimeLocal('2026-11-25T19:30')).toBe(iso)
  })
  it('refuses what is not a time', () => {
    expect(fromDateTimeLocal('')).toBeNull()
    expect(fromDateTimeLocal('tomorrow')).toBeNull()
    expect(toDateTimeLocal('nonsense')).toBe('')
  })
})

describe('draftToInput', () => {
  const now = new Date(2026, 10, 25, 6, 0)

  it('says what to fix before sending', () => {
    const draft = { ...newDraft(now), validTo: newDraft(now).validFrom, isTask: true }
    expect(draftToInput(draft).problems).toEqual([
      'Give the item a title.',
      'The end must be after the start.',
      'Choose at least one area, the whole force, or draw an area.',
      'Say who the task is for.',
    ])
  })

  it('builds the request: whole force is no areas, links without labels, a task', () => {
    const draft: ItemDraft = {
      ...newDraft(now),
      title: '  Look out for AB12 CDE ',
      wholeForce: true,
      areaIds: ['a1'],
      isTask: true,
      taskType: 'arrest',
      assigneeKind: 'officer',
      assigneeId: ' 1150 ',
      links: [{ kind: 'vehicle', id: 'V1', label: 'AB12 CDE' }],
    }
    const { input } = draftToInput(draft)
    expect(input).toMatchObject({
      title: 'Look out for AB12 CDE',
      areaIds: [],
      links: [{ kind: 'vehicle', id: 'V1' }],
      task: { type: 'arrest', assignee: { kind: 'officer', id: '1150' } },
      validFrom: new Date(2026, 10, 25, 6, 0).toISOString(),
      validTo: new Date(2026, 10, 25, 18, 0).toISOString(),
    })
  })

  it('sends a drawn area of three or more points, and no polygon when none is drawn', () => {
    const square = [{ lat: 52.48, lng: -1.9 }, { lat: 52.49, lng: -1.9 }, { lat: 52.49, lng: -1.88 }]
    const drawn = draftToInput({ ...newDraft(now), title: 'Canal patrol', polygon: square })
    expect(drawn.problems).toEqual([])
    expect(drawn.input).toMatchObject({ areaIds: [], polygon: square })
    expect(draftToInput({ ...newDraft(now), title: 'Canal patrol', wholeForce: true }).input?.polygon).toBeNull()
  })

  it('refuses a drawn area of fewer than three points, saying how many more it needs', () => {
    const result = draftToInput({ ...newDraft(now), title: 'Canal patrol', wholeForce: true, polygon: [{ lat: 52.48, lng: -1.9 }, { lat: 52.49, lng: -1.9 }] })
    expect(result.input).toBeNull()
    expect(result.problems).toEqual(['The drawn area needs at least 3 points; it has 2. Add 1 more, or clear it.'])
  })
})

describe('the fence in a draft', () => {
  const now = new Date(2026, 10, 25, 6, 0)
  const base = { ...newDraft(now), title: 'Park', wholeForce: true }

  it('sends a circle with its message and hours, rounded; none when there is no fence', () => {
    expect(draftToInput(base).input?.fence).toBeNull()
    const { input } = draftToInput({ ...base, fenceShape: 'circle', fenceLat: '52.48', fenceLng: '-1.9', fenceRadiusM: '300.4', fenceMessage: ' Dealing at the park ', fenceHours: true })
    expect(input?.fence).toEqual({ shape: 'circle', center: { lat: 52.48, lng: -1.9 }, radiusM: 300, message: 'Dealing at the park', activeHours: { start: '22:00', end: '06:00' } })
  })

  it('says what a fence lacks', () => {
    expect(draftToInput({ ...base, fenceShape: 'circle', fenceLat: '', fenceRadiusM: '50' }).problems).toEqual([
      'Give the fence a message to speak.',
      'Fence centre: Enter a latitude between -90 and 90, such as 52.4862.',
      'Give the fence a radius from 100 to 5000 metres.',
    ])
    expect(draftToInput({ ...base, fenceShape: 'area', fenceMessage: 'Hotspot' }).problems).toEqual(['A fence on the drawn area needs an area drawn, of at least 3 points.'])
    expect(draftToInput({ ...base, fenceShape: 'area', fenceMessage: 'Hotspot', fenceHours: true, fenceStart: '' }).problems).toContain('Enter the fence\'s hours as times, such as 22:00 and 06:00.')
  })

  it('reads an item\'s fence back into the form', () => {
    const square = [{ lat: 52.48, lng: -1.9 }, { lat: 52.49, lng: -1.9 }, { lat: 52.49, lng: -1.88 }]
    const item: BriefingItem = {
      id: 'b1', title: 'Park', body: '', priority: 2, areaIds: [], polygon: square, fence: { shape: 'area', message: 'Hotspot', activeHours: { start: '09:00', end: '17:00' } },
      validFrom: now.toISOString(), validTo: new Date(now.getTime() + 3_600_000).toISOString(), author: { collarNumber: '3001', name: 'A' }, links: [], task: null, readAt: null, updatedAt: now.toISOString(),
    }
    const draft = draftFromItem(item, () => '')
    expect(draft).toMatchObject({ fenceShape: 'area', fenceMessage: 'Hotspot', fenceHours: true, fenceStart: '09:00', fenceEnd: '17:00' })
    expect(draftToInput(draft).input?.fence).toEqual(item.fence)
  })
})

describe('parsePoint', () => {
  it('reads a typed latitude and longitude, rounded, or says what is wrong', () => {
    expect(parsePoint(' 52.48621234 ', '-1.8904')).toEqual({ point: { lat: 52.486212, lng: -1.8904 }, problem: null })
    expect(parsePoint('', '-1.89').problem).toContain('latitude')
    expect(parsePoint('91', '-1.89').problem).toContain('latitude')
    expect(parsePoint('52.4', 'west').problem).toContain('longitude')
  })
})
