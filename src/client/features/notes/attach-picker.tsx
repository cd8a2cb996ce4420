/**
 * Choosing what a note is about: a person, vehicle, address or briefing item found among the
 * records on this device (so it works offline), or a claim or curfew check by its reference.
 */
import { useLiveQuery } from 'dexie-react-hooks'
import { useId, useState } from 'react'
import { noteAttachmentKinds, type NoteAttachmentKind } from '../../../shared/api/notes.ts'
import { db, type NoteRecord } from '../../lib/database.ts'
import { attachmentKindNames } from '../../lib/notes-store.ts'
import { addressLabel, personName } from '../../lib/subject-labels.ts'

type Attachment = NonNullable<NoteRecord['attachedTo']>
const searchable = new Set<NoteAttachmentKind>(['person', 'vehicle', 'address', 'briefing-item'])
const maxMatches = 8

async function findRecords(kind: NoteAttachmentKind, text: string): Promise<Attachment[]> {
  const query = text.trim().toLowerCase()
  if (query.length < 2) return []
  if (kind === 'person') {
    const people = await db.people.where('surname').startsWithIgnoreCase(query.split(/[ ,]+/)[0] ?? query).limit(maxMatches).toArray()
    return people.map((p) => ({ kind, id: p.id, label: personName(p) }))
  }
  if (kind === 'vehicle') {
    const plate = query.replace(/\s+/g, '')
    const vehicles = await db.vehicles.filter((v) => v.vrm.replace(/\s+/g, '').toLowerCase().includes(plate)).limit(maxMatches).toArray()
    return vehicles.map((v) => ({ kind, id: v.id, label: v.vrm }))
  }
  if (kind === 'address') {
    const addresses = await db.addresses.filter((a) => `${a.line1} ${a.postcode}`.toLowerCase().includes(query)).limit(maxMatches).toArray()
    return addresses.map((a) => ({ kind, id: a.id, label: addressLabel(a) }))
  }
  const items = await db.briefingItems.filter((i) => i.title.toLowerCase().includes(query)).limit(maxMatches).toArray()
  return items.map((i) => ({ kind, id: i.id, label: i.title }))
}

export function AttachPicker({ value, onChange }: { value: Attachment | null; onChange: (value: Attachment | null) => void }) {
  const ids = { kind: useId(), search: useId(), reference: useId() }
  const [kind, setKind] = useState<NoteAttachmentKind>('person')
  const [text, setText] = useState('')
  const matches = useLiveQuery(() => (searchable.has(kind) ? findRecords(kind, text) : Promise.resolve([])), [kind, text])

  if (value) {
    return (
      <div className="attach-picker">
        <p>
          About: <strong>{attachmentKindNames[value.kind]}</strong> {value.label}
        </p>
        <button type="button" className="button button--small" onClick={() => onChange(null)}>
          Remove link
        </button>
      </div>
    )
  }
  return (
    <fieldset className="attach-picker">
      <legend>What is this note about? (optional)</legend>
      <div className="field">
        <label htmlFor={ids.kind}>Link to</label>
        <select id={ids.kind} value={kind} onChange={(e) => { setKind(e.target.value as NoteAttachmentKind); setText('') }}>
          {noteAttachmentKinds.map((k) => (
            <option key={k} value={k}>
              {attachmentKindNames[k]}
            </option>
          ))}
        </select>
      </div>
      {searchable.has(kind) ? (
        <>
          <div className="field">
            <label htmlFor={ids.search}>Find {attachmentKindNames[kind].toLowerCase()} on this device</label>
            <input id={ids.search} type="search" value={text} onChange={(e) => setText(e.target.value)} autoComplete="off" />
          </div>
          {matches && matches.length > 0 ? (
            <ul className="attach-picker__matches" aria-label="Matching records">
              {matches.map((match) => (
                <li key={match.id}>
                  <button type="button" className="button button--small" onClick={() => onChange(match)}>
                    Link to {match.label}
                  </button>
                </li>
              ))}
            </ul>
          ) : text.trim().length >= 2 ? (
            <p className="hint">Nothing on this device matches.</p>
          ) : null}
        </>
      ) : (
        <div className="field">
          <label htmlFor={ids.reference}>{attachmentKindNames[kind]} reference</label>
          <div className="actions">
            <input id={ids.reference} type="text" value={text} onChange={(e) => setText(e.target.value)} autoComplete="off" />
            <button type="button" className="button button--small" disabled={!/^[A-Za-z0-9._-]{1,64}$/.test(text.trim())}
              onClick={() => onChange({ kind, id: text.trim(), label: text.trim() })}>
              Link
            </button>
          </div>
        </div>
      )}
    </fieldset>
  )
}
