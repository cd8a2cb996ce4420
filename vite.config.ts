/**
 * Build for the Kestrel client: React, and vite-plugin-pwa compiling our own service worker
 * (src/sw.ts, injectManifest) with the app-shell precache list and the web app manifest.
 * Registration is ours (workbox-window in src/client/lib/service-worker.ts) because the server's
 * CSP allows no inline script. In development `/api` is proxied to the local server, so the client
 * talks to the same origin just as it does in production. Vitest settings live in vitest.config.ts.
 */
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
import { VitePWA } from 'vite-plugin-pwa'

const themeColor = '#0f2d52'

export default defineConfig({
  plugins: [
    react(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src',
      filename: 'sw.ts',
      injectRegister: false,
      registerType: 'prompt',
      includeAssets: ['favicon.svg', 'apple-touch-icon-180x180.png', 'robots.txt'],
      manifest: {
        id: '/',
        name: 'Kestrel — briefing on the move',
        short_name: 'Kestrel',
        description: 'Briefings, wanted people and checks for patrol officers, online or offline.',
        lang: 'en-GB',
        dir: 'ltr',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'any',
        theme_color: themeColor,
        background_color: themeColor,
        categories: ['productivity', 'utilities'],
        icons: [
          { src: '/pwa-192x192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/pwa-512x512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/maskable-512x512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      injectManifest: {
        // The shell only: code, styles, icons and the manifest. No API answer is ever precached.
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
      },
      // The worker runs in production builds only; dev keeps plain network behaviour so HMR works.
      devOptions: { enabled: false },
    }),
  ],
  build: {
    outDir: 'dist',
    sourcemap: true,
    rolldownOptions: {
      output: {
        // Libraries change far less often than our code. In chunks of their own they keep their
        // hashed names across releases, so an update re-downloads only what changed: officers
        // update over mobile data.
        codeSplitting: {
          groups: [
            { name: 'framework', test: /node_modules[\\/](react|react-dom|scheduler|react-router|cookie|set-cookie-parser)[\\/]/ },
            // The map is loaded only where one is drawn (authoring), never at start.
            { name: 'map', test: /node_modules[\\/](leaflet|react-leaflet|@react-leaflet|pmtiles|fflate)[\\/]/ },
            // A vector PMTiles basemap's renderer: loaded only when such a basemap is drawn.
            { name: 'map-vector', test: /node_modules[\\/](protomaps-leaflet|@protomaps|@mapbox[\\/](point-geometry|vector-tile)|pbf|resolve-protobuf-schema|protocol-buffers-schema|color2k|potpack|rbush|quickselect)[\\/]/ },
            // Loaded only by the screens that use them, never at start: H3 cells and the geofence
            // index (patrol mode, the crime map), the gallery's virtual list.
            { name: 'geo', test: /node_modules[\\/](h3-js|flatbush|flatqueue)[\\/]/ },
            { name: 'virtual', test: /node_modules[\\/]@tanstack[\\/](virtual-core|react-virtual)[\\/]/ },
            // zod-jitless sits with zod so that it runs before any chunk of ours defines a schema.
            { name: 'vendor', test: /node_modules[\\/]|src[\\/]client[\\/]lib[\\/]zod-jitless\.ts$/ },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:8080', changeOrigin: false },
    },
  },
})
