import type { Platform } from '../../../checks/core/types.js'
import { isAppOrigin } from '../app-protocol.js'
import { allowedExternalUrl } from './external-links.js'

/** Electron's navigation events carry the target URL on the event (and whether it is the main frame, for frame navigations). */
interface Preventable {
  preventDefault(): void
  readonly url?: string
  readonly isMainFrame?: boolean
}

/** The slice of Electron's WebContents the guards use (a fake in tests). */
export interface GuardableContents {
  on(
    event: 'will-navigate' | 'will-redirect' | 'will-frame-navigate' | 'will-attach-webview',
    listener: (event: Preventable) => void,
  ): unknown
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void
}

export interface LinkOpener {
  platform: Platform
  /** Electron's shell: the one place Bulwark hands a URL to the OS, and only an allowlisted one. */
  shell: { openExternal(url: string): Promise<void> }
}

/**
 * Opens an allowlisted link in the system browser or OS settings app. Returns false (and opens
 * nothing) for anything off the list.
 */
export function openAllowedExternal(raw: string, opener: LinkOpener): boolean {
  const url = allowedExternalUrl(raw, opener.platform)
  if (url === null) return false
  opener.shell.openExternal(url).catch(() => {
    /* no handler for the scheme: nothing to recover */
  })
  return true
}

/**
 * Every webContents stays on Bulwark's own origin (app://bulwark): a navigation or redirect of the
 * main frame within it is let through, anything else (another scheme or host, any subframe, a
 * webview) is prevented. No new window ever opens, not even on app://, since only the one window may
 * talk to main; a new-window request for an allowlisted link goes to the system browser instead.
 */
export function hardenWebContents(contents: GuardableContents, opener: LinkOpener): void {
  const stayHome = (event: Preventable): void => {
    if (event.isMainFrame === false || typeof event.url !== 'string' || !isAppOrigin(event.url)) event.preventDefault()
  }
  contents.on('will-navigate', stayHome)
  contents.on('will-redirect', stayHome)
  contents.on('will-frame-navigate', stayHome)
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    openAllowedExternal(url, opener)
    return { action: 'deny' }
  })
}
