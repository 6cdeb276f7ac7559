import type { ReportStep } from '../../src-main/shared/report.js'
import { useI18n } from '../i18n/I18nProvider.js'
import { CopyButton } from './CopyButton.js'
import { componentText } from './messages.js'

type Command = NonNullable<ReportStep['command']>

/** A command is always left-to-right, whatever the page direction. */
export function CodeBlock({ command }: { command: Command }) {
  const { t } = useI18n()
  return (
    <figure className="code-block">
      <figcaption className="code-shell">
        <span>{t(componentText(command.shell === 'powershell' ? 'shellPowershell' : 'shellSh'))}</span>
        <CopyButton text={command.line} />
      </figcaption>
      <pre dir="ltr">
        <code>{command.line}</code>
      </pre>
    </figure>
  )
}
