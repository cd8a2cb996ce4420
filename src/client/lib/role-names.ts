/** How roles read on screen. One place, so a role is named the same on every page. */
import type { Role } from '../../shared/api/auth.ts'

const roleNames: Record<Role, string> = {
  officer: 'Officer',
  supervisor: 'Supervisor',
  analyst: 'Analyst',
  admin: 'Administrator',
}

export function roleName(role: Role): string {
  return roleNames[role]
}
