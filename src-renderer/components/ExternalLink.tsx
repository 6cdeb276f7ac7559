import { useState, type ReactNode } from 'react'
import { useApi } from '../api-context.js'
import { useI18n } from '../i18n/I18nProvider.js'
import { componentText } from './messages.js'

/**
 * A link the renderer never follows itself: main opens it in the system browser or settings app,
 * after its own allowlist check. The href stays for the context menu and screen readers.
 */
export function ExternalLink({ url, children }: { url: string; children: ReactNode }) {
  const api = useApi()
  const { t } = useI18n()
  const [failure, setFailure] = useState<string | null>(null)
  const open = async (): Promise<void> => {
    const result = await api.openExternal({ url })
    setFailure(result.ok ? null : result.error.message)
  }
  return (
    <>
      <a
        href={url}
        className="external-link"
        onClick={(event) => {
          event.preventDefault()
          void open()
        }}
      >
        {children}
        <span className="visually-hidden"> {t(componentText('opensInBrowser'))}</span>
      </a>
      {failure ? (
        <span className="inline-error" role="alert">
          {t(componentText('linkFailed', { url, reason: failure }))}
        </span>
      ) : null}
    </>
  )
}
