import { useEffect, useRef, type ReactNode } from 'react'

/**
 * A native modal <dialog>: the browser traps focus, makes the rest inert and closes it on Escape
 * (reported through onClose). Quick Exit leaves Escape to an open dialog.
 */
export function Modal({ labelledBy, onClose, children }: { labelledBy: string; onClose: () => void; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null)
  const opener = useRef<Element | null>(null)
  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return undefined
    opener.current = document.activeElement
    // jsdom has no showModal; an open attribute is the same dialog without the inert backdrop.
    if (typeof dialog.showModal === 'function') dialog.showModal()
    else dialog.setAttribute('open', '')
    return () => {
      if (typeof dialog.close === 'function' && dialog.open) dialog.close()
      // Focus goes back where it came from, so keyboard users do not start over at the top.
      if (opener.current instanceof HTMLElement && opener.current.isConnected) opener.current.focus()
    }
  }, [])
  return (
    <dialog
      ref={ref}
      className="modal"
      aria-labelledby={labelledBy}
      onCancel={(event) => {
        event.preventDefault()
        onClose()
      }}
    >
      {children}
    </dialog>
  )
}
