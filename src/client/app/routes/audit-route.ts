/**
 * The audit log (supervisors) and "My checks" (an officer's own records), loaded only when opened,
 * so officers' phones do not parse them at start. The page itself needs the network.
 */
export async function loadAuditRoute() {
  const { AuditLogPage } = await import('../../features/audit/audit-page.tsx')
  return { Component: AuditLogPage }
}

export async function loadMyChecksRoute() {
  const { MyChecksPage } = await import('../../features/audit/audit-page.tsx')
  return { Component: MyChecksPage }
}
