import { attempt, describeHostError, exists, observedWord, processListCommand, which } from '../../core/host/helpers.js'
import type { Host, ProcessInfo } from '../../core/host/host.js'
import type { Evidence } from '../../core/types.js'
import { sshServiceOn } from './access.io.js'
import { t } from './access.messages.js'
import type { RemoteService } from './access.verdict.js'

const CONFIG = '/etc/ssh/sshd_config'
/** Where systemd keeps an enabled ssh socket unit: with socket activation no sshd runs until someone connects. */
const SOCKET_UNITS = ['/etc/systemd/system/sockets.target.wants/ssh.socket', '/etc/systemd/system/sockets.target.wants/sshd.socket']

/** The listening sshd ("sshd: /usr/sbin/sshd -D [listener] …" on OpenSSH 9.8+ as well as plain "sshd"). */
export const isSshd = (p: ProcessInfo): boolean => /^sshd(:|$)/.test(p.name) || /(^|\/)sshd$/.test(p.path.replace(/\/+$/, ''))

export async function readLinuxAccess(host: Host, evidence: Evidence[], signal?: AbortSignal): Promise<RemoteService[]> {
  const name = t('serviceSsh')
  const sshd = await which(host, 'sshd', ['/usr/sbin', '/usr/local/sbin', '/sbin'])
  if (!sshd && !(await exists(host, CONFIG))) {
    evidence.push({ label: t('labelSshServer'), source: '/usr/sbin/sshd', observed: t('seenNotInstalled') })
    return [{ id: 'ssh', name, state: 'off', ports: [22] }]
  }
  const listed = await attempt('processes', () => host.sysinfo.processes())
  const source = processListCommand('linux')
  if (!listed.ok) {
    evidence.push({ label: t('labelSshProcess'), source, observed: observedWord('notRead') })
    return [{ id: 'ssh', name, state: 'unknown', reason: describeHostError(listed.reason, source), ports: [22] }]
  }
  const running = listed.value.find(isSshd)
  const socket = running
    ? undefined
    : (await Promise.all(SOCKET_UNITS.map(async (u) => ((await exists(host, u)) ? u : undefined)))).find(Boolean)
  if (running) evidence.push({ label: t('labelSshProcess'), source, observed: `${running.pid} ${running.name}`.slice(0, 200) })
  else if (socket) evidence.push({ label: t('labelSshProcess'), source: socket, observed: t('seenOn') })
  else {
    evidence.push({ label: t('labelSshProcess'), source, observed: t('seenNotRunning') })
    return [{ id: 'ssh', name, state: 'off', ports: [22] }]
  }
  return [await sshServiceOn(host, { name, sshd, mainFile: CONFIG, sshDir: '/etc/ssh' }, evidence, signal)]
}
