/** Words for a task's state, the same on the task panel and in task progress. */
import type { Task } from '../../../shared/api/intel.ts'

export const taskStatusNames: Record<Task['status'], string> = { open: 'Open', accepted: 'Accepted', done: 'Done' }
