import { useCallback, useEffect, useState } from 'react'
import { flushSync } from 'react-dom'
import type { BulwarkApi } from '../../api.js'

/** Escape leaves Bulwark unless something else owns it right now: an open dialog or a key already handled. */
export function isQuickExitKey(
  event: Pick<KeyboardEvent, 'key' | 'defaultPrevented' | 'repeat'>,
  doc: Pick<Document, 'querySelector'>,
): boolean {
  return event.key === 'Escape' && !event.defaultPrevented && !event.repeat && doc.querySelector('dialog[open]') === null
}

/**
 * Quick Exit: blank the window first (nothing stays on screen while main hides it), then ask main to
 * hide every window. The content comes back only when the window is shown again after being hidden.
 */
export function useQuickExit(api: BulwarkApi): { exited: boolean; exit(): void } {
  const [exited, setExited] = useState(false)

  const exit = useCallback(() => {
    flushSync(() => setExited(true))
    void api.quickExit()
  }, [api])

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (isQuickExitKey(event, document)) exit()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [exit])

  useEffect(() => {
    if (!exited) return undefined
    let hidden = document.visibilityState === 'hidden'
    const onVisibility = (): void => {
      if (document.visibilityState === 'hidden') hidden = true
      else if (hidden) setExited(false)
    }
    document.addEventListener('visibilitychange', onVisibility)
    return () => document.removeEventListener('visibilitychange', onVisibility)
  }, [exited])

  return { exited, exit }
}
