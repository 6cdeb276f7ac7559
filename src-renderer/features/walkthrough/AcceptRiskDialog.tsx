import { useState } from 'react'
import { Modal } from '../../components/Modal.js'
import { useI18n } from '../../i18n/I18nProvider.js'
import { walkText } from './messages.js'

const DEFAULT_REVIEW_DAYS = 90

/** yyyy-mm-dd of a local date, as <input type="date"> reads and writes it. */
export function dateInputValue(date: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

export function addDays(date: Date, days: number): Date {
  const next = new Date(date)
  next.setDate(next.getDate() + days)
  return next
}

/** The review moment: the start of the chosen local day, or null when it is not after now. */
export function reviewIso(value: string, now: Date): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (!match) return null
  const day = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]))
  return day.getTime() > now.getTime() ? day.toISOString() : null
}

interface Props {
  title: string
  now: Date
  onCancel: () => void
  onAccept: (reason: string, reviewAt: string) => void
}

export function AcceptRiskDialog({ title, now, onCancel, onAccept }: Props) {
  const { t } = useI18n()
  const [reason, setReason] = useState('')
  const [review, setReview] = useState(dateInputValue(addDays(now, DEFAULT_REVIEW_DAYS)))
  const [tried, setTried] = useState(false)
  const reviewAt = reviewIso(review, now)
  const reasonOk = reason.trim().length > 0
  return (
    <Modal labelledBy="accept-heading" onClose={onCancel}>
      <form
        className="modal-body"
        onSubmit={(event) => {
          event.preventDefault()
          setTried(true)
          if (reasonOk && reviewAt) onAccept(reason.trim(), reviewAt)
        }}
        noValidate
      >
        <h2 id="accept-heading">{t(walkText('dialogHeading'))}</h2>
        <p className="modal-subject">{title}</p>
        <p>{t(walkText('dialogIntro'))}</p>
        <label className="field">
          <span>{t(walkText('reasonLabel'))}</span>
          <textarea
            value={reason}
            maxLength={500}
            rows={3}
            required
            aria-invalid={tried && !reasonOk}
            aria-describedby={tried && !reasonOk ? 'reason-error' : undefined}
            onChange={(event) => setReason(event.target.value)}
          />
        </label>
        {tried && !reasonOk ? (
          <p id="reason-error" className="inline-error">
            {t(walkText('reasonMissing'))}
          </p>
        ) : null}
        <label className="field">
          <span>{t(walkText('reviewLabel'))}</span>
          <input
            type="date"
            value={review}
            min={dateInputValue(addDays(now, 1))}
            required
            aria-invalid={!reviewAt}
            aria-describedby={!reviewAt ? 'review-error' : undefined}
            onChange={(event) => setReview(event.target.value)}
          />
        </label>
        {!reviewAt ? (
          <p id="review-error" className="inline-error">
            {t(walkText('reviewPast'))}
          </p>
        ) : null}
        <div className="modal-actions">
          <button type="button" className="button" onClick={onCancel}>
            {t(walkText('cancel'))}
          </button>
          <button type="submit" className="button button-primary">
            {t(walkText('confirm'))}
          </button>
        </div>
      </form>
    </Modal>
  )
}
