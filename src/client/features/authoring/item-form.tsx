/**
 * Writing or editing one briefing item: title, text, priority, areas (or the whole force), when it
 * applies, an optional spoken fence, an optional task, and linked records. Laid out for a station terminal but usable on a
 * tablet; every control has a visible label.
 */
import { useId, useState } from 'react'
import type { FormEvent } from 'react'
import type { BriefingItemInput } from '../../../shared/api/briefing.ts'
import type { BriefingItem, Task } from '../../../shared/api/intel.ts'
import type { AreaRecord } from '../../lib/database.ts'
import { AreaDrawing } from './area-drawing.tsx'
import { FenceFields } from './fence-fields.tsx'
import { draftToInput, type ItemDraft } from './item-draft.ts'
import { LinkPicker } from './link-picker.tsx'

const taskTypes: { value: Task['type']; label: string }[] = [
  { value: 'patrol', label: 'Patrol' },
  { value: 'arrest', label: 'Arrest attempt' },
  { value: 'visit', label: 'Visit' },
  { value: 'other', label: 'Other' },
]

const priorities: readonly BriefingItem['priority'][] = [1, 2, 3]

type Props = {
  heading: string
  initial: ItemDraft
  areas: readonly AreaRecord[]
  submitLabel: string
  busy: boolean
  serverError: string | null
  onSubmit: (input: BriefingItemInput) => void
  onCancel: () => void
}

export function ItemForm({ heading, initial, areas, submitLabel, busy, serverError, onSubmit, onCancel }: Props) {
  const ids = { heading: useId(), title: useId(), body: useId(), from: useId(), to: useId(), taskType: useId(), assigneeKind: useId(), assignee: useId() }
  const [draft, setDraft] = useState(initial)
  const [problems, setProblems] = useState<string[]>([])
  const set = <K extends keyof ItemDraft>(key: K, value: ItemDraft[K]) => setDraft((previous) => ({ ...previous, [key]: value }))

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const result = draftToInput(draft)
    setProblems(result.problems)
    if (result.input !== null) onSubmit(result.input)
  }

  return (
    <section className="section item-form" aria-labelledby={ids.heading}>
      <h2 id={ids.heading}>{heading}</h2>
      {problems.length > 0 || serverError !== null ? (
        <div className="alert" role="alert">
          {serverError !== null ? <p>{serverError}</p> : null}
          {problems.length > 0 ? (
            <ul>
              {problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <form className="form" noValidate onSubmit={submit}>
        <div className="field">
          <label htmlFor={ids.title}>Title</label>
          <input id={ids.title} type="text" maxLength={200} value={draft.title} onChange={(event) => set('title', event.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={ids.body}>Text</label>
          <textarea id={ids.body} rows={6} maxLength={20_000} value={draft.body} onChange={(event) => set('body', event.target.value)} />
        </div>
        <fieldset className="choices choices--row">
          <legend>Priority</legend>
          {priorities.map((priority) => (
            <label key={priority} className="choice">
              <input type="radio" name="priority" checked={draft.priority === priority} onChange={() => set('priority', priority)} />
              <span>Priority {priority}</span>
            </label>
          ))}
        </fieldset>
        <fieldset className="choices">
          <legend>Areas</legend>
          <label className="choice">
            <input type="checkbox" checked={draft.wholeForce} onChange={(event) => set('wholeForce', event.target.checked)} />
            <span>Whole force</span>
          </label>
          <div className="choices__grid">
            {areas.map((area) => (
              <label key={area.id} className="choice">
                <input
                  type="checkbox"
                  disabled={draft.wholeForce}
                  checked={!draft.wholeForce && draft.areaIds.includes(area.id)}
                  onChange={(event) =>
                    set('areaIds', event.target.checked ? [...draft.areaIds, area.id] : draft.areaIds.filter((id) => id !== area.id))
                  }
                />
                <span>{area.name}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <AreaDrawing points={draft.polygon} onChange={(points) => set('polygon', points)} />
        <FenceFields draft={draft} onChange={(patch) => setDraft((previous) => ({ ...previous, ...patch }))} />
        <div className="form-row">
          <div className="field">
            <label htmlFor={ids.from}>Valid from</label>
            <input id={ids.from} type="datetime-local" value={draft.validFrom} onChange={(event) => set('validFrom', event.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={ids.to}>Valid to</label>
            <input id={ids.to} type="datetime-local" value={draft.validTo} onChange={(event) => set('validTo', event.target.value)} />
          </div>
        </div>
        <fieldset className="choices">
          <legend>Task</legend>
          <label className="choice">
            <input type="checkbox" checked={draft.isTask} onChange={(event) => set('isTask', event.target.checked)} />
            <span>This item is a task</span>
          </label>
          {draft.isTask ? (
            <div className="form-row">
              <div className="field">
                <label htmlFor={ids.taskType}>Task type</label>
                <select id={ids.taskType} value={draft.taskType} onChange={(event) => set('taskType', taskTypes.find((t) => t.value === event.target.value)?.value ?? 'other')}>
                  {taskTypes.map((type) => (
                    <option key={type.value} value={type.value}>
                      {type.label}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor={ids.assigneeKind}>Assign to</label>
                <select
                  id={ids.assigneeKind}
                  value={draft.assigneeKind}
                  onChange={(event) => {
                    const kind = event.target.value === 'officer' ? 'officer' : event.target.value === 'team' ? 'team' : 'area'
                    setDraft((previous) => ({ ...previous, assigneeKind: kind, assigneeId: '' }))
                  }}
                >
                  <option value="officer">An officer</option>
                  <option value="team">A team</option>
                  <option value="area">An area</option>
                </select>
              </div>
              <div className="field">
                <label htmlFor={ids.assignee}>{draft.assigneeKind === 'officer' ? 'Collar number' : draft.assigneeKind === 'team' ? 'Team' : 'Area'}</label>
                {draft.assigneeKind === 'area' ? (
                  <select id={ids.assignee} value={draft.assigneeId} onChange={(event) => set('assigneeId', event.target.value)}>
                    <option value="">Choose an area</option>
                    {areas.map((area) => (
                      <option key={area.id} value={area.id}>
                        {area.name}
                      </option>
                    ))}
                  </select>
                ) : (
                  <input
                    id={ids.assignee}
                    type="text"
                    inputMode={draft.assigneeKind === 'officer' ? 'numeric' : 'text'}
                    maxLength={64}
                    value={draft.assigneeId}
                    onChange={(event) => set('assigneeId', event.target.value)}
                  />
                )}
              </div>
            </div>
          ) : null}
        </fieldset>
        <LinkPicker links={draft.links} onChange={(links) => set('links', links)} />
        <div className="actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {submitLabel}
          </button>
          <button type="button" className="button" disabled={busy} onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  )
}
