import { attempt, describeHostError, observedError, tryStat } from '../../core/host/helpers.js'
import type { Host } from '../../core/host/host.js'
import { runTool, type Result } from '../../core/host/toolkit.js'
import type { Msg } from '../../core/i18n/message.js'
import { queryRegistry } from '../../readers/windows/registry.io.js'
import { findKey, findValue } from '../../readers/windows/reg-query.parse.js'
import { t } from './integrity.messages.js'
import {
  hexBytes,
  parseCsrutilStatus,
  parseEfiFlag,
  parseMokutilSbState,
  parseSpctlStatus,
  type EfiFlag,
  type MokutilState,
  type SipState,
} from './integrity.parse.js'

/** One thing read: where from, and either the value with its text as seen, or what was seen instead and why. */
export interface Reading<T> {
  source: string
  got: { ok: true; value: T; raw: string } | { ok: false; seen: Msg; reason: Msg }
}

// The EFI global-variable GUID (UEFI spec, EFI_GLOBAL_VARIABLE); efivarfs names each file <name>-<guid>.
const EFI_GLOBAL = '8be4df61-93ca-11d2-aa0d-00e098032b8c'
export const EFI_DIR = '/sys/firmware/efi'
export const SECURE_BOOT_VAR = `/sys/firmware/efi/efivars/SecureBoot-${EFI_GLOBAL}`
export const SETUP_MODE_VAR = `/sys/firmware/efi/efivars/SetupMode-${EFI_GLOBAL}`
export const SB_KEY = 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecureBoot\\State'
export const HVCI_KEY = 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\DeviceGuard\\Scenarios\\HypervisorEnforcedCodeIntegrity'

export type BootFacts =
  | {
      os: 'linux'
      /** Whether the kernel was started by UEFI firmware: /sys/firmware/efi exists only then. */
      efi: Reading<boolean>
      secureBoot: Reading<EfiFlag | 'absent'> | null
      setupMode: Reading<EfiFlag | 'absent'> | null
      /** null when mokutil is not installed. */
      mokutil: Reading<{ state: MokutilState; setupMode: boolean }> | null
    }
  | { os: 'darwin'; sip: Reading<SipState>; gatekeeper: Reading<boolean> }
  | { os: 'win32'; secureBoot: Reading<number | 'absent'>; memoryIntegrity: Reading<number | 'absent'> }

async function readEfiFlag(host: Host, file: string): Promise<Reading<EfiFlag | 'absent'>> {
  // 64 bytes is ample for a 5-byte variable; a bigger file is malformed, and is refused by size.
  const read = await attempt(file, () => host.readFile(file, { maxBytes: 64 }))
  if (!read.ok) {
    if (read.reason.code === 'not_found') return { source: file, got: { ok: true, value: 'absent', raw: '' } }
    return { source: file, got: { ok: false, seen: observedError(read.reason.code), reason: describeHostError(read.reason, file) } }
  }
  const parsed = parseEfiFlag(read.value)
  const bytes = hexBytes(read.value)
  if (parsed.ok) return { source: file, got: { ok: true, value: parsed.value, raw: bytes } }
  return { source: file, got: { ok: false, seen: t('seenMalformed', { bytes }), reason: t('reasonMalformed', { file, bytes }) } }
}

/** A tool's output through its parser, as a Reading; every exit code is read, since mokutil and spctl answer with 1 too. */
async function readTool<T>(
  host: Host,
  file: string,
  args: string[],
  parse: (text: string) => Result<T, string>,
  signal?: AbortSignal,
): Promise<Reading<T> | null> {
  const run = await runTool(host, file, args, { timeoutMs: 5000, signal, acceptExit: () => true })
  const command = [file, ...args].join(' ')
  if (!run.ok && run.reason.code === 'not_found') return null
  if (!run.ok) return { source: command, got: { ok: false, seen: run.reason.seen, reason: run.reason.reason } }
  // mokutil prints "EFI variables are not supported" on stderr, and spctl its state on stderr on some releases.
  const parsed = parse(`${run.value.stdout}\n${run.value.stderr}`)
  // The parser's own detail is English; the reason shown is Bulwark's message naming the command.
  if (!parsed.ok) return { source: command, got: { ok: false, seen: observedError('io'), reason: t('reasonBadOutput', { command }) } }
  const raw = (run.value.stdout.trim() || run.value.stderr.trim()).split(/\r?\n/)[0]?.slice(0, 200) ?? ''
  return { source: command, got: { ok: true, value: parsed.value, raw } }
}

async function readLinux(host: Host, signal?: AbortSignal): Promise<BootFacts> {
  const dir = await tryStat(host, EFI_DIR)
  const efi: Reading<boolean> = dir.ok
    ? { source: EFI_DIR, got: { ok: true, value: true, raw: '' } }
    : dir.reason.code === 'not_found'
      ? { source: EFI_DIR, got: { ok: true, value: false, raw: '' } }
      : { source: EFI_DIR, got: { ok: false, seen: observedError(dir.reason.code), reason: describeHostError(dir.reason, EFI_DIR) } }
  const booted = efi.got.ok && efi.got.value
  return {
    os: 'linux',
    efi,
    secureBoot: booted ? await readEfiFlag(host, SECURE_BOOT_VAR) : null,
    setupMode: booted ? await readEfiFlag(host, SETUP_MODE_VAR) : null,
    mokutil: await readTool(host, 'mokutil', ['--sb-state'], parseMokutilSbState, signal),
  }
}

function missingTool(command: string): Reading<never> {
  return { source: command, got: { ok: false, seen: observedError('not_found'), reason: t('reasonNoTool', { command }) } }
}

async function readDarwin(host: Host, signal?: AbortSignal): Promise<BootFacts> {
  const sip = (await readTool(host, 'csrutil', ['status'], parseCsrutilStatus, signal)) ?? missingTool('csrutil status')
  const gatekeeper = (await readTool(host, 'spctl', ['--status'], parseSpctlStatus, signal)) ?? missingTool('spctl --status')
  return { os: 'darwin', sip, gatekeeper }
}

async function readDword(host: Host, key: string, name: string, signal?: AbortSignal): Promise<Reading<number | 'absent'>> {
  const source = `${key}\\${name}`
  const read = await queryRegistry(host, key, signal)
  if (read.status === 'absent') return { source, got: { ok: true, value: 'absent', raw: '' } }
  if (read.status === 'unreadable')
    return { source, got: { ok: false, seen: read.reason, reason: t('reasonRegistry', { key, detail: read.reason }) } }
  const value = findValue(findKey(read.keys, key), name)
  if (!value) return { source, got: { ok: true, value: 'absent', raw: '' } }
  if (typeof value.data !== 'number')
    return {
      source,
      got: { ok: false, seen: t('seenMalformed', { bytes: value.raw.slice(0, 60) }), reason: t('reasonRegistryValue', { key, name }) },
    }
  return { source, got: { ok: true, value: value.data, raw: value.raw } }
}

async function readWin32(host: Host, signal?: AbortSignal): Promise<BootFacts> {
  return {
    os: 'win32',
    secureBoot: await readDword(host, SB_KEY, 'UEFISecureBootEnabled', signal),
    memoryIntegrity: await readDword(host, HVCI_KEY, 'Enabled', signal),
  }
}

export function readBootFacts(host: Host, signal?: AbortSignal): Promise<BootFacts> {
  if (host.platform === 'darwin') return readDarwin(host, signal)
  if (host.platform === 'win32') return readWin32(host, signal)
  return readLinux(host, signal)
}
