import { useEffect, useState } from 'react'
import { useI18n } from '../i18n/I18nProvider.js'
import { componentText } from './messages.js'

type CopyState = 'idle' | 'copied' | 'failed'

const RESET_AFTER_MS = 2500

/** Copies one command; the outcome is announced politely so keyboard and screen-reader users hear it. */
export function CopyButton({
  text,
  clipboard = globalThis.navigator?.clipboard,
}: {
  text: string
  clipboard?: Pick<Clipboard, 'writeText'>
}) {
  const { t } = useI18n()
  const [state, setState] = useState<CopyState>('idle')
  useEffect(() => {
    if (state === 'idle') return undefined
    const timer = setTimeout(() => setState('idle'), RESET_AFTER_MS)
    return () => clearTimeout(timer)
  }, [state])
  const copy = async (): Promise<void> => {
    try {
      if (!clipboard) throw new Error('no clipboard')
      await clipboard.writeText(text)
      setState('copied')
    } catch {
      setState('failed')
    }
  }
  return (
    <span className="copy">
      <button
        type="button"
        className="button button-small"
        aria-label={t(componentText('copyLabel', { command: text }))}
        onClick={() => void copy()}
      >
        {t(componentText('copy'))}
      </button>
      <span className="copy-status" role="status">
        {state === 'copied' ? t(componentText('copied')) : state === 'failed' ? t(componentText('copyFailed')) : ''}
      </span>
    </span>
  )
}
