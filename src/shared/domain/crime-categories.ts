/**
 * The data.police.uk crime categories: the slugs Kestrel stores and the API speaks, the names the
 * street-level CSV files carry in their "Crime type" column, and a few older names that archived
 * files still use, so a historic file imports into today's categories.
 */
export const crimeCategories = [
  { slug: 'anti-social-behaviour', name: 'Anti-social behaviour' },
  { slug: 'bicycle-theft', name: 'Bicycle theft' },
  { slug: 'burglary', name: 'Burglary' },
  { slug: 'criminal-damage-arson', name: 'Criminal damage and arson' },
  { slug: 'drugs', name: 'Drugs' },
  { slug: 'other-theft', name: 'Other theft' },
  { slug: 'possession-of-weapons', name: 'Possession of weapons' },
  { slug: 'public-order', name: 'Public order' },
  { slug: 'robbery', name: 'Robbery' },
  { slug: 'shoplifting', name: 'Shoplifting' },
  { slug: 'theft-from-the-person', name: 'Theft from the person' },
  { slug: 'vehicle-crime', name: 'Vehicle crime' },
  { slug: 'violent-crime', name: 'Violence and sexual offences' },
  { slug: 'other-crime', name: 'Other crime' },
] as const

export type CrimeCategorySlug = (typeof crimeCategories)[number]['slug']
export const crimeCategorySlugs = crimeCategories.map((c) => c.slug) as [CrimeCategorySlug, ...CrimeCategorySlug[]]

const byName = new Map<string, CrimeCategorySlug>([
  ...crimeCategories.map((c): [string, CrimeCategorySlug] => [c.name.toLowerCase(), c.slug]),
  ...crimeCategories.map((c): [string, CrimeCategorySlug] => [c.slug, c.slug]),
  // Names used by files published before the 2013 split of the categories.
  ['violent crime', 'violent-crime'],
  ['violence and sexual offences', 'violent-crime'],
  ['criminal damage & arson', 'criminal-damage-arson'],
])

/** The slug for a "Crime type" value (its name, a slug, or an older name), or null. */
export function crimeCategoryOf(crimeType: string): CrimeCategorySlug | null {
  return byName.get(crimeType.trim().toLowerCase()) ?? null
}
