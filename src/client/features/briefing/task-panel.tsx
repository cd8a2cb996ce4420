/**
 * A briefing item's task: what to do, who it is for, where it stands, and for officers the two
 * things they do from the street, "Accept task" and "Record result". Both are saved on the device
 * and sent through the outbox, so they work with no signal.
 */
import { useId, useState } from 'react'
import type { FormEvent } from 'react'
import type { Task } from '../../../shared/api/intel.ts'
import { changeTask } from '../../lib/briefing-actions.ts'
import { formatDayTime } from '../../lib/date-format.ts'
import { taskStatusNames } from './task-text.ts'

const taskTypeNames: Record<Task['type'], string> = { patrol: 'Patrol', arrest: 'Arrest attempt', visit: 'Visit', other: 'Task' }

function assigneeText(task: Task, collarNumber: string, areaNames: ReadonlyMap<string, string>): string {
  const { kind, id } = task.assignee
  if (kind === 'officer') return id === collarNumber ? `You (${id})` : `Officer ${id}`
  if (kind === 'area') return `${areaNames.get(id) ?? id} area`
  return id === 'all' ? 'Every team' : `Team ${id}`
}

type Props = {
  itemId: string
  task: Task
  collarNumber: string
  /** Officers act on tasks; supervisors and analysts follow their progress. */
  canAct: boolean
  areaNames: ReadonlyMap<string, string>
}

export function TaskPanel({ itemId, task, collarNumber, canAct, areaNames }: Props) {
  const resultId = useId()
  const [result, setResult] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)

  async function save(status: 'accepted' | 'done', text: string | null) {
    setSaving(true)
    try {
      await changeTask(itemId, status, text)
      setResult('')
      setProblem(null)
    } catch (error) {
      console.error('Kestrel: could not save a task update', error)
      setProblem('The task could not be saved on this device. Try again.')
    } finally {
      setSaving(false)
    }
  }

  function recordResult(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const text = result.trim()
    if (text === '') {
      setProblem('Write what happened before recording the result.')
      return
    }
    void save('done', text)
  }

  return (
    <div className="task-panel">
      <h3 className="task-panel__title">Task: {taskTypeNames[task.type]}</h3>
      <dl className="facts">
        <div>
          <dt>Assigned to</dt>
          <dd>{assigneeText(task, collarNumber, areaNames)}</dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>
            <span className={`task-status task-status--${task.status}`}>{taskStatusNames[task.status]}</span>
          </dd>
        </div>
        {task.updatedBy !== null && task.updatedAt !== null ? (
          <div>
            <dt>Last update</dt>
            <dd>
              {task.updatedBy === collarNumber ? 'You' : task.updatedBy}, {formatDayTime(task.updatedAt)}
            </dd>
          </div>
        ) : null}
      </dl>
      {task.result !== null ? (
        <p className="task-panel__result">
          <strong>Result:</strong> {task.result}
        </p>
      ) : null}
      {canAct && task.status !== 'done' ? (
        <>
          {task.status === 'open' ? (
            <button type="button" className="button button--primary" disabled={saving} onClick={() => void save('accepted', null)}>
              Accept task
            </button>
          ) : null}
          <form className="form task-panel__form" noValidate onSubmit={recordResult}>
            <div className="field">
              <label htmlFor={resultId}>Result</label>
              <textarea id={resultId} rows={3} maxLength={5_000} value={result} onChange={(event) => setResult(event.target.value)} />
            </div>
            <button type="submit" className="button" disabled={saving}>
              Record result
            </button>
          </form>
        </>
      ) : null}
      {problem !== null ? (
        <p className="alert" role="alert">
          {problem}
        </p>
      ) : null}
    </div>
  )
}
