/**
 * The map tiles Kestrel draws maps with: OpenStreetMap's standard tiles, with the attribution
 * their licence asks for. The client draws them; the server's Content-Security-Policy allows
 * images from their origin (and nothing else off-site).
 */
export const mapTiles = {
  url: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
  origin: 'https://tile.openstreetmap.org',
  attribution: '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
  maxZoom: 19,
} as const
