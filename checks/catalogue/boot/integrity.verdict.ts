import { mostSevere } from '../../core/report/model.js'
import type { Msg } from '../../core/i18n/message.js'
import type { Effort, Evidence, Outcome, Status, Step } from '../../core/types.js'
import type { BootFacts, Reading } from './integrity.io.js'
import { t } from './integrity.messages.js'
import type { EfiFlag } from './integrity.parse.js'

export const linuxSteps: Step[] = [{ text: t('stepLinux'), link: 'https://wiki.debian.org/SecureBoot' }]
const setupModeSteps: Step[] = [
  { text: t('stepLinuxSetupMode'), link: 'https://wiki.archlinux.org/title/Unified_Extensible_Firmware_Interface/Secure_Boot' },
  ...linuxSteps,
]

/** One protection's verdict; the check's is the worst of them, with that one's summary. */
interface Part {
  status: Status
  summary: Msg
  /** Set when this finding's fix is a bigger job than the check's usual one. */
  effort?: Effort
}

/** Without UEFI there is no Secure Boot to switch on: getting it usually means reinstalling. */
const REINSTALL: Effort = 3

function evidenceOf<T>(label: Msg, reading: Reading<T> | null, shown: (value: T, raw: string) => string | Msg): Evidence[] {
  if (!reading) return []
  const observed = reading.got.ok ? shown(reading.got.value, reading.got.raw) : reading.got.seen
  return [{ label, source: reading.source, observed }]
}

const efiShown = (v: EfiFlag | 'absent', raw: string): string | Msg => (v === 'absent' ? t('seenAbsent') : raw)

function linuxSecureBoot(f: Extract<BootFacts, { os: 'linux' }>): Part {
  const mok = f.mokutil?.got.ok ? f.mokutil.got.value : null
  if (!f.efi.got.ok) return { status: 'unknown', summary: t('sbUnknown', { reason: f.efi.got.reason }) }
  if (!f.efi.got.value) return { status: 'warn', summary: t('legacyBoot'), effort: REINSTALL }
  const sb = f.secureBoot?.got
  const setup = f.setupMode?.got.ok && f.setupMode.got.value !== 'absent' ? f.setupMode.got.value.value === 1 : (mok?.setupMode ?? false)
  let on: boolean | 'absent' | null = null
  if (sb?.ok) on = sb.value === 'absent' ? 'absent' : sb.value.value === 1
  else if (mok && mok.state !== 'unsupported') on = mok.state === 'enabled'
  if (on === null) return { status: 'unknown', summary: t('sbUnknown', { reason: sb && !sb.ok ? sb.reason : t('reasonNoVar') }) }
  // Two readings that disagree leave the question open rather than picking one.
  if (mok && mok.state !== 'unsupported' && typeof on === 'boolean' && on !== (mok.state === 'enabled'))
    return { status: 'unknown', summary: t('sbDisagree') }
  if (on === 'absent') return { status: 'warn', summary: t('sbUnsupported') }
  if (on) return { status: 'pass', summary: t('sbOn') }
  return { status: 'fail', summary: setup ? t('sbSetupMode') : t('sbOff') }
}

function linux(f: Extract<BootFacts, { os: 'linux' }>): Outcome {
  const part = linuxSecureBoot(f)
  const evidence = [
    ...evidenceOf(t('efiFirmware'), f.efi, (v) => (v ? t('seenPresent') : t('seenAbsent'))),
    ...evidenceOf(t('secureBootVar'), f.secureBoot, efiShown),
    ...evidenceOf(t('setupModeVar'), f.setupMode, efiShown),
    ...evidenceOf(t('mokutil'), f.mokutil, (_v, raw) => raw),
  ]
  return {
    ...part,
    evidence,
    ...(part.summary.key.endsWith('.sbSetupMode') ? { steps: setupModeSteps } : {}),
  }
}

function darwin(f: Extract<BootFacts, { os: 'darwin' }>): Outcome {
  const sip: Part = !f.sip.got.ok
    ? { status: 'unknown', summary: t('sipUnknown', { reason: f.sip.got.reason }) }
    : f.sip.got.value === 'enabled'
      ? { status: 'pass', summary: t('macOn') }
      : f.sip.got.value === 'custom'
        ? { status: 'warn', summary: t('sipCustom') }
        : { status: 'fail', summary: t('sipOff') }
  const gk: Part = !f.gatekeeper.got.ok
    ? { status: 'unknown', summary: t('gatekeeperUnknown', { reason: f.gatekeeper.got.reason }) }
    : f.gatekeeper.got.value
      ? { status: 'pass', summary: t('macOn') }
      : { status: 'fail', summary: t('gatekeeperOff') }
  const part = mostSevere(sip, gk)
  const evidence = [...evidenceOf(t('sip'), f.sip, (_v, raw) => raw), ...evidenceOf(t('gatekeeper'), f.gatekeeper, (_v, raw) => raw)]
  return { ...part, evidence }
}

function win32(f: Extract<BootFacts, { os: 'win32' }>): Outcome {
  const sb = f.secureBoot.got
  const sbPart: Part = !sb.ok
    ? { status: 'unknown', summary: t('sbUnknownWindows', { reason: sb.reason }) }
    : sb.value === 'absent'
      ? { status: 'warn', summary: t('legacyBootWindows'), effort: REINSTALL }
      : sb.value === 1
        ? { status: 'pass', summary: t('winOn') }
        : { status: 'fail', summary: t('sbOffWindows') }
  const hv = f.memoryIntegrity.got
  const hvPart: Part = !hv.ok
    ? { status: 'unknown', summary: t('hvciUnknown', { reason: hv.reason }) }
    : hv.value === 1
      ? { status: 'pass', summary: t('winOn') }
      : { status: 'warn', summary: t('hvciOff') }
  const part = mostSevere(sbPart, hvPart)
  const dword = (v: number | 'absent', raw: string): string | Msg => (v === 'absent' ? t('seenAbsent') : raw)
  const evidence = [...evidenceOf(t('secureBootValue'), f.secureBoot, dword), ...evidenceOf(t('memoryIntegrity'), f.memoryIntegrity, dword)]
  return { ...part, evidence }
}

/** Pure: the verdict for what readBootFacts found. */
export function bootOutcome(facts: BootFacts): Outcome {
  if (facts.os === 'darwin') return darwin(facts)
  if (facts.os === 'win32') return win32(facts)
  return linux(facts)
}
