import { hardenWebContents, type GuardableContents, type LinkOpener } from './guards.js'
import { hardenSession, type GuardableSession, type SessionPolicy } from './session-guards.js'

export interface SecurableApp {
  on(
    event: 'web-contents-created',
    listener: (event: unknown, contents: GuardableContents & { session: GuardableSession }) => void,
  ): unknown
}

/** Applies the same guards to every webContents (and its session) the app ever creates. */
export function installSecurity(app: SecurableApp, opener: LinkOpener, policy: SessionPolicy): void {
  app.on('web-contents-created', (_event, contents) => {
    hardenSession(contents.session, policy)
    hardenWebContents(contents, opener)
  })
}
