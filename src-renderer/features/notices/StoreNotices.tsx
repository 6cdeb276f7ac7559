import { useEffect, useState } from 'react'
import { defineMessages } from '../../../checks/core/i18n/message.js'
import type { StoreNotice } from '../../../src-main/shared/ipc-contract.js'
import { useApi } from '../../api-context.js'
import { componentText } from '../../components/messages.js'
import { useI18n } from '../../i18n/I18nProvider.js'

const text = defineMessages('ui.notices', {
  movedTo: 'The original file was kept at {path}.',
})

/** What the store had to do on its own (a damaged file moved aside, ...), shown until the person dismisses it. */
export function StoreNotices() {
  const api = useApi()
  const { t } = useI18n()
  const [notices, setNotices] = useState<StoreNotice[]>([])
  useEffect(() => {
    void api.listNotices().then((result) => {
      if (result.ok) setNotices(result.value)
    })
  }, [api])
  const dismiss = async (id: string): Promise<void> => {
    const result = await api.dismissNotice({ id })
    if (result.ok) setNotices((current) => current.filter((n) => n.id !== id))
  }
  if (notices.length === 0) return null
  return (
    <ul className="store-notices">
      {notices.map((notice) => (
        <li key={notice.id} className="notice notice-info">
          <p>{t(notice.message)}</p>
          {notice.movedTo ? <p>{t(text('movedTo', { path: notice.movedTo }))}</p> : null}
          <button type="button" className="button button-small" onClick={() => void dismiss(notice.id)}>
            {t(componentText('dismiss'))}
          </button>
        </li>
      ))}
    </ul>
  )
}
