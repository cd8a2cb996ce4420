/**
 * zod compiles fast object parsers with `new Function` when the page allows it, and finds out by
 * trying once. Kestrel's Content-Security-Policy allows no eval, so the try always fails, and
 * Chromium reports a CSP violation for it on every start (Lighthouse's best-practices audit lists
 * it as an issue). zod's interpreted parsers are what run anyway: say so before any schema is used,
 * so the probe is never made. Imported first by main.tsx and bundled into the vendor chunk beside
 * zod (vite.config.ts): our chunks that define schemas are evaluated before main.tsx's own code.
 */
import { z } from 'zod'

z.config({ jitless: true })
