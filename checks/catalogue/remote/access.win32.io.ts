import { attempt, describeHostError, observedWord, processListCommand } from '../../core/host/helpers.js'
import type { Host } from '../../core/host/host.js'
import type { Msg } from '../../core/i18n/message.js'
import type { Evidence } from '../../core/types.js'
import { findKey, findValue, type RegKey } from '../../readers/windows/reg-query.parse.js'
import { queryRegistry } from '../../readers/windows/registry.io.js'
import { sshServiceOn } from './access.io.js'
import { t } from './access.messages.js'
import type { RemoteService } from './access.verdict.js'

const TS = 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Terminal Server'
const RDP_TCP = `${TS}\\WinStations\\RDP-Tcp`
const TS_POLICY = 'HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows NT\\Terminal Services'
const ASSISTANCE = 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Remote Assistance'
const SSHD_SERVICE = 'HKLM\\SYSTEM\\CurrentControlSet\\Services\\sshd'

type Read = { keys: RegKey[] } | { unread: Msg }

export async function readWin32Access(host: Host, evidence: Evidence[], signal?: AbortSignal): Promise<RemoteService[]> {
  const read = async (key: string): Promise<Read> => {
    const r = await queryRegistry(host, key, signal)
    if (r.status === 'ok') return { keys: r.keys }
    if (r.status === 'absent') return { keys: [] }
    return { unread: t('unreadable', { source: key, reason: r.reason }) }
  }
  const [ts, policy, assistance, sshdService] = await Promise.all([read(TS), read(TS_POLICY), read(ASSISTANCE), read(SSHD_SERVICE)])

  /** A DWORD as Windows applies it: the Group Policy value wins over the machine's own. */
  const dword = (label: Evidence['label'], own: Read, ownKey: string, name: string, fallback: number): number | Msg => {
    if ('unread' in own) {
      evidence.push({ label, source: `${ownKey}\\${name}`, observed: observedWord('notRead') })
      return own.unread
    }
    const fromPolicy = 'keys' in policy ? findValue(findKey(policy.keys, TS_POLICY), name) : undefined
    const chosen = fromPolicy ?? findValue(findKey(own.keys, ownKey), name)
    const source = `${fromPolicy ? TS_POLICY : ownKey}\\${name}`
    evidence.push({ label, source, observed: chosen ? chosen.raw.slice(0, 40) : t('seenDefault', { value: String(fallback) }) })
    return typeof chosen?.data === 'number' ? chosen.data : fallback
  }

  // Remote Desktop is off until someone turns it on (fDenyTSConnections 1); NLA is on by default (UserAuthentication 1).
  const deny = dword(t('labelRdp'), ts, TS, 'fDenyTSConnections', 1)
  const nla = dword(t('labelNla'), ts, RDP_TCP, 'UserAuthentication', 1)
  const portValue = 'keys' in ts ? findValue(findKey(ts.keys, RDP_TCP), 'PortNumber')?.data : undefined
  const rdpPort = typeof portValue === 'number' && portValue > 0 && portValue < 65536 ? portValue : 3389
  const rdp: RemoteService =
    typeof deny !== 'number'
      ? { id: 'rdp', name: t('serviceRdp'), state: 'unknown', reason: deny, ports: [rdpPort] }
      : {
          id: 'rdp',
          name: t('serviceRdp'),
          state: deny === 0 ? 'on' : 'off',
          ports: [rdpPort],
          ...(typeof nla === 'number' ? { nla: nla !== 0 } : {}),
        }

  // Not set: Windows offers no solicited Remote Assistance until it is allowed in System Properties.
  const help = dword(t('labelRemoteAssistance'), assistance, ASSISTANCE, 'fAllowToGetHelp', 0)
  const remoteAssistance: RemoteService =
    typeof help !== 'number'
      ? { id: 'remoteAssistance', name: t('serviceRemoteAssistance'), state: 'unknown', reason: help, ports: [] }
      : { id: 'remoteAssistance', name: t('serviceRemoteAssistance'), state: help === 1 ? 'on' : 'off', ports: [] }

  return [rdp, remoteAssistance, await openSsh(host, sshdService, evidence, signal)]
}

/** The OpenSSH server (an optional feature): installed when its service key exists, on when sshd.exe runs. */
async function openSsh(host: Host, service: Read, evidence: Evidence[], signal?: AbortSignal): Promise<RemoteService> {
  const name = t('serviceWinSsh')
  if ('unread' in service) {
    evidence.push({ label: t('labelWinSsh'), source: SSHD_SERVICE, observed: observedWord('notRead') })
    return { id: 'ssh', name, state: 'unknown', reason: service.unread, ports: [22] }
  }
  if (!findKey(service.keys, SSHD_SERVICE)) {
    evidence.push({ label: t('labelWinSsh'), source: SSHD_SERVICE, observed: t('seenNotInstalled') })
    return { id: 'ssh', name, state: 'off', ports: [22] }
  }
  const source = processListCommand('win32')
  const listed = await attempt('processes', () => host.sysinfo.processes())
  if (!listed.ok) {
    evidence.push({ label: t('labelWinSsh'), source, observed: observedWord('notRead') })
    return { id: 'ssh', name, state: 'unknown', reason: describeHostError(listed.reason, source), ports: [22] }
  }
  const running = listed.value.some((p) => /^sshd(\.exe)?$/i.test(p.name))
  evidence.push({ label: t('labelWinSsh'), source: `${source}: sshd`, observed: running ? t('seenRunning') : t('seenNotRunning') })
  if (!running) return { id: 'ssh', name, state: 'off', ports: [22] }
  const dir = 'C:\\ProgramData\\ssh'
  return sshServiceOn(host, { name, sshd: null, mainFile: `${dir}\\sshd_config`, sshDir: dir }, evidence, signal)
}
