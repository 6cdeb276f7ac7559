import { isAppPage } from '../app-protocol.js'

/** Where the renderer legitimately lives: the built files served on app:// (rootDir), or the dev server in development. */
export type AppLocation = { kind: 'app'; rootDir: string } | { kind: 'dev'; url: string }

/** The slice of Electron's WebFrameMain the check reads. */
export interface FrameLike {
  readonly url: string
  readonly parent: FrameLike | null
  readonly frameToken: string
  readonly detached?: boolean
}

export interface SenderEvent {
  readonly senderFrame: FrameLike | null
  readonly sender: unknown
}

export interface TrustedContents {
  readonly mainFrame: FrameLike
}

/** True when a URL is our renderer page (query and fragment ignored; origin and path must match exactly). */
export function isAppUrl(raw: string, location: AppLocation): boolean {
  if (location.kind === 'app') return isAppPage(raw)
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return false
  }
  return url.origin === new URL(location.url).origin
}

/**
 * Accepts an IPC message only from the main frame of our own window showing our own page: not from
 * an iframe, another window, a detached frame, or a frame that navigated elsewhere.
 */
export function createSenderCheck(
  getContents: () => TrustedContents | null | undefined,
  location: AppLocation,
): (event: SenderEvent) => boolean {
  return (event) => {
    const frame = event.senderFrame
    const contents = getContents()
    if (!frame || !contents || event.sender !== contents) return false
    if (frame.parent !== null || frame.detached === true) return false
    if (frame.frameToken !== contents.mainFrame.frameToken) return false
    return isAppUrl(frame.url, location)
  }
}
