/**
 * The admin section's pages, loaded only when an administrator opens them, so officers' phones do
 * not download or parse them at start. The chunk is in the precache, so it opens offline too.
 */
export async function loadAccountsRoute() {
  const { AccountsPage } = await import('../../features/admin/accounts-page.tsx')
  return { Component: AccountsPage }
}
