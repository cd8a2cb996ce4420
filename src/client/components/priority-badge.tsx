/**
 * Priority 1 / 2 / 3 (red / amber / green, as forces grade wanted people and briefing items), always
 * with its words: colour alone is never the signal.
 */
export type Priority = 1 | 2 | 3

const names: Record<Priority, string> = { 1: 'high', 2: 'medium', 3: 'low' }

export function PriorityBadge({ priority }: { priority: Priority }) {
  return (
    <span className={`priority priority--${priority}`} title={`Priority ${priority}: ${names[priority]}`}>
      Priority {priority}
    </span>
  )
}
