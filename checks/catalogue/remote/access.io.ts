import { observedError } from '../../core/host/helpers.js'
import type { Host } from '../../core/host/host.js'
import type { Evidence } from '../../core/types.js'
import type { Listener } from '../network/sockets.verdict.js'
import { t } from './access.messages.js'
import type { RemoteService } from './access.verdict.js'
import { readSshd } from './sshd-config.io.js'

/**
 * sshd itself, or the service manager holding its socket until someone connects (systemd's ssh.socket, launchd
 * for macOS Remote Login), or an owner this user may not see; not some other program on the same port.
 */
const ownedBySshd = (l: Listener): boolean => l.process === undefined || /^(sshd(\.exe)?|systemd|launchd)$/i.test(l.process.name)

/** An OpenSSH server that is on (Linux sshd, macOS Remote Login, the Windows OpenSSH service): its settings and ports. */
export async function sshServiceOn(
  host: Host,
  where: { name: RemoteService['name']; sshd: string | null; mainFile: string; sshDir: string },
  evidence: Evidence[],
  signal?: AbortSignal,
): Promise<RemoteService> {
  const read = await readSshd(host, where.sshd, where.mainFile, where.sshDir, evidence, signal)
  const base = { id: 'ssh' as const, name: where.name, state: 'on' as const, owns: ownedBySshd }
  if (!read.ok) return { ...base, login: read.reason, ports: [22] }
  if (read.value === 'absent') {
    return { ...base, login: t('unreadable', { source: where.mainFile, reason: observedError('not_found') }), ports: [22] }
  }
  const { settings, login } = read.value
  const ports = [...new Set(settings.listen.map((l) => l.port))]
  return { ...base, login, ports, listen: settings.listen }
}
