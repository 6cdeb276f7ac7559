import type { GuidanceState } from '../../../src-main/shared/ipc-contract.js'
import { useI18n } from '../../i18n/I18nProvider.js'
import { ViewHeading } from '../shell/ViewHeading.js'
import { panicText } from './messages.js'
import { PANIC_ITEMS, panicKey } from './panic-items.js'

/** For the high-risk profile: what to do in the next ten minutes, each with one line of why. */
export function PanicChecklist({
  checklist,
  onTick,
  onOpenCheck,
}: {
  checklist: GuidanceState['checklist']
  onTick: (keys: string[], done: boolean) => void
  /** Opens the walkthrough of the check behind an item (disk.encryption for full-disk encryption). */
  onOpenCheck?: (id: string) => void
}) {
  const { t } = useI18n()
  const done = PANIC_ITEMS.filter((item) => checklist[panicKey(item.id)]).length
  return (
    <section className="view panic" aria-labelledby="view-heading">
      <ViewHeading text={t(panicText('heading'))} />
      <p className="note">{t(panicText('intro'))}</p>
      <p className="panic-progress" role="status">
        {t(panicText('progress', { done, total: PANIC_ITEMS.length }))}
      </p>
      <ol className="panic-list">
        {PANIC_ITEMS.map((item) => {
          const key = panicKey(item.id)
          const ticked = Boolean(checklist[key])
          return (
            <li key={item.id} className={ticked ? 'panic-item step-done' : 'panic-item'} data-item={item.id}>
              <label>
                <input
                  type="checkbox"
                  checked={ticked}
                  aria-describedby={`why-${item.id}`}
                  onChange={(event) => onTick([key], event.target.checked)}
                />
                <span className="panic-text">{t(item.text)}</span>
              </label>
              <p id={`why-${item.id}`} className="panic-why">
                {t(item.why)}
              </p>
              {item.checkId && onOpenCheck ? (
                <button
                  type="button"
                  className="link-button"
                  data-check-id={item.checkId}
                  onClick={() => onOpenCheck(item.checkId as string)}
                >
                  {t(panicText('openCheck'))}
                </button>
              ) : null}
            </li>
          )
        })}
      </ol>
      <button
        type="button"
        className="button"
        disabled={done === 0}
        onClick={() =>
          onTick(
            PANIC_ITEMS.map((item) => panicKey(item.id)).filter((key) => checklist[key]),
            false,
          )
        }
      >
        {t(panicText('reset'))}
      </button>
    </section>
  )
}
