/**
 * Task progress at the top of the Briefing screen, from the device: for an officer, the tasks set
 * for them (by collar number or their area) with where each stands and the result recorded; for
 * supervisors and analysts, every task in the briefing, and the way to who has read each item
 * (Write briefing, which asks the server). Offline it shows what the device knows, including the
 * officer's own updates still waiting to send.
 */
import { Link } from 'react-router'
import type { User } from '../../../shared/api/auth.ts'
import type { BriefingItem, Task } from '../../../shared/api/intel.ts'
import './task-progress.css'
import { taskStatusNames } from './task-text.ts'

type Props = {
  items: readonly BriefingItem[]
  user: User
}

type TaskItem = BriefingItem & { task: Task }

function isForOfficer(task: Task, user: User): boolean {
  const { kind, id } = task.assignee
  return (kind === 'officer' && id === user.collarNumber) || (kind === 'area' && id === user.areaId)
}

function countText(tasks: readonly TaskItem[]): string {
  const count = (status: Task['status']) => tasks.filter((item) => item.task.status === status).length
  return `${count('open')} open, ${count('accepted')} accepted, ${count('done')} done`
}

export function TaskProgress({ items, user }: Props) {
  const supervising = user.role !== 'officer'
  const tasks = items.filter((item): item is TaskItem => item.task !== null && (supervising || isForOfficer(item.task, user)))
  if (tasks.length === 0 && !supervising) return null
  const heading = supervising ? 'Task progress' : 'Your tasks'
  return (
    <section className="section task-progress" aria-labelledby="task-progress">
      <h2 id="task-progress">{heading}</h2>
      {tasks.length === 0 ? (
        <p>There are no tasks in this briefing.</p>
      ) : (
        <>
          <p>
            {tasks.length} {tasks.length === 1 ? 'task' : 'tasks'}: {countText(tasks)}.
          </p>
          <ul className="task-progress__list" aria-label={heading}>
            {tasks.map((item) => (
              <li key={item.id}>
                <span className="task-progress__title">{item.title}</span> —{' '}
                <span className={`task-status task-status--${item.task.status}`}>{taskStatusNames[item.task.status]}</span>
                {item.task.updatedBy !== null ? <span> by {item.task.updatedBy === user.collarNumber ? 'you' : item.task.updatedBy}</span> : null}
                {item.task.result !== null ? <span className="task-progress__result">Result: {item.task.result}</span> : null}
              </li>
            ))}
          </ul>
        </>
      )}
      {supervising ? (
        <p>
          To see who has read each item, open <Link to="/write-briefing">Write briefing</Link>.
        </p>
      ) : null}
    </section>
  )
}
