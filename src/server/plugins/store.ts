/**
 * Makes the store and the configuration available to every plugin and route, and closes the store
 * when the server closes.
 */
import fp from 'fastify-plugin'
import type { Config } from '../config.ts'
import type { Store } from '../store/db.ts'

declare module 'fastify' {
  interface FastifyInstance {
    store: Store
    config: Config
  }
}

export default fp<{ store: Store; config: Config; closeStore: boolean }>(async (app, options) => {
  app.decorate('store', options.store)
  app.decorate('config', options.config)
  if (options.closeStore) app.addHook('onClose', () => options.store.destroy())
}, { name: 'store' })
