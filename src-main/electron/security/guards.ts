import type { Platform } from '../../../checks/core/types.js'
import { allowedExternalUrl } from './external-links.js'

interface Preventable {
  preventDefault(): void
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
 * Every webContents stays on the page Bulwark loaded: no navigation, redirect, frame navigation,
 * webview or new window. A new-window request for an allowlisted link goes to the system browser.
 */
export function hardenWebContents(contents: GuardableContents, opener: LinkOpener): void {
  const prevent = (event: Preventable): void => event.preventDefault()
  contents.on('will-navigate', prevent)
  contents.on('will-redirect', prevent)
  contents.on('will-frame-navigate', prevent)
  contents.on('will-attach-webview', prevent)
  contents.setWindowOpenHandler(({ url }) => {
    openAllowedExternal(url, opener)
    return { action: 'deny' }
  })
}
