import type { Evidence, Outcome } from '../../core/types.js'
import { t } from './encryption.messages.js'
import type { DarwinDiskFacts } from './encryption.darwin.io.js'
import { parseApfsList } from './apfs-list.parse.js'

const autoLoginSteps = [{ text: t('stepMacAutoLogin') }]

/** Pure: FileVault from `fdesetup status`, and automatic login, which skips FileVault's password at start-up. */
export function darwinDiskOutcome(f: DarwinDiskFacts): Outcome {
  if (!f.fdesetup.ok)
    return {
      status: 'unknown',
      summary: t('fileVaultUnread', { reason: f.fdesetup.reason.reason }),
      evidence: [{ label: t('labelFileVault'), source: 'fdesetup status', observed: f.fdesetup.reason.seen }],
    }
  const out = f.fdesetup.value.stdout.slice(0, 4096)
  const firstLine = out.trim().split('\n')[0] ?? ''
  const evidence: Evidence[] = [{ label: t('labelFileVault'), source: 'fdesetup status', observed: firstLine.slice(0, 300) }]
  if (f.apfs.ok) {
    for (const v of parseApfsList(f.apfs.value.stdout).filter((x) => x.role === 'Data' && x.fileVault))
      evidence.push({
        label: t('labelVolume', { mount: `${v.device} (${v.role})` }),
        source: 'diskutil apfs list',
        observed: `FileVault: ${v.fileVault}`,
      })
  }
  const progress = /(Encryption|Decryption) in progress[^\n]*/.exec(out)
  if (progress)
    return {
      status: progress[1] === 'Encryption' ? 'warn' : 'fail',
      summary: t(progress[1] === 'Encryption' ? 'fileVaultBusy' : 'fileVaultOff', { detail: progress[0].slice(0, 200) }),
      evidence,
    }
  if (/FileVault is Off/.test(out)) return { status: 'fail', summary: t('fileVaultOff'), evidence }
  if (!/FileVault is On/.test(out))
    return { status: 'unknown', summary: t('fileVaultUnread', { reason: firstLine.slice(0, 200) }), evidence }
  const user = f.autoLogin.ok && f.autoLogin.value.code === 0 ? f.autoLogin.value.stdout.trim().slice(0, 200) : ''
  evidence.push({
    label: t('labelAutoLogin'),
    source: 'defaults read /Library/Preferences/com.apple.loginwindow autoLoginUser',
    observed: f.autoLogin.ok ? user || t('noAutoLogin') : f.autoLogin.reason.seen,
  })
  if (user) return { status: 'fail', summary: t('fileVaultAutoLogin', { user }), evidence, steps: autoLoginSteps }
  return { status: 'pass', summary: t('fileVaultOn'), evidence }
}
