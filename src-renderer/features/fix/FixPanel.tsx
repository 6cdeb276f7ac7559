import { useEffect, useState } from 'react'
import type { FixOffersView } from '../../../src-main/shared/fix-contract.js'
import type { Status } from '../../../src-main/shared/report.js'
import { useApi } from '../../api-context.js'
import { useI18n } from '../../i18n/I18nProvider.js'
import { FixDialog } from './FixDialog.js'
import { fixUiText } from './messages.js'

interface Props {
  checkId: string
  title: string
  status: Status | undefined
  onChanged: () => void
}

/** "Fix this for me", beside the manual steps, only when what the check finds now has a fix. */
export function FixPanel({ checkId, title, status, onChanged }: Props) {
  const api = useApi()
  const { t } = useI18n()
  const [offers, setOffers] = useState<FixOffersView | null>(null)
  const [open, setOpen] = useState<FixOffersView | null>(null)
  const findings = status === 'fail' || status === 'warn'

  useEffect(() => {
    let live = true
    setOffers(null)
    if (findings) {
      void api.fixOffers({ id: checkId }).then((r) => {
        if (live && r.ok) setOffers(r.value)
      })
    }
    return () => {
      live = false
    }
  }, [api, checkId, findings])

  return (
    <>
      {offers && offers.offers.length > 0 ? (
        <section className="fix-panel card" aria-labelledby="fix-panel-heading">
          <h3 id="fix-panel-heading">{t(fixUiText('sectionHeading'))}</h3>
          <p>{t(fixUiText('sectionIntro'))}</p>
          <ul>
            {offers.offers.map((o) => (
              <li key={o.key}>{t(o.title)}</li>
            ))}
          </ul>
          <button type="button" className="button button-primary" onClick={() => setOpen(offers)}>
            {t(fixUiText('fixButton'))}
          </button>
        </section>
      ) : null}
      {/* The dialog outlives the offers: after the fix the check passes and offers nothing, but the result stays on screen. */}
      {open ? <FixDialog checkId={checkId} title={title} offers={open} onClose={() => setOpen(null)} onChanged={onChanged} /> : null}
    </>
  )
}
