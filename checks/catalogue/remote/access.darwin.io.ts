import { attempt, describeHostError, observedError, observedWord, processListCommand } from '../../core/host/helpers.js'
import type { Host } from '../../core/host/host.js'
import { parseToolOutput, runTool } from '../../core/host/toolkit.js'
import type { Evidence } from '../../core/types.js'
import { isPlistDict, parsePlist } from '../../readers/macos/plist.parse.js'
import { sshServiceOn } from './access.io.js'
import { t } from './access.messages.js'
import type { RemoteService } from './access.verdict.js'
import { parseLaunchdDisabled } from './launchd-disabled.parse.js'

const ARD_PREFS = '/Library/Preferences/com.apple.RemoteManagement.plist'
const ARD_AGENT = '/System/Library/CoreServices/RemoteManagement/ARDAgent.app/Contents/MacOS/ARDAgent'

/**
 * Remote Login and Screen Sharing are launchd services that ship disabled; turning them on in Sharing records
 * an override `launchctl print-disabled system` lists (anyone may read the system domain). Remote Management
 * runs ARDAgent, which CIS audits by its process; its VNC-password switch lives in its preferences.
 */
export async function readDarwinAccess(host: Host, evidence: Evidence[], signal?: AbortSignal): Promise<RemoteService[]> {
  const command = 'launchctl print-disabled system'
  const run = await runTool(host, 'launchctl', ['print-disabled', 'system'], { timeoutMs: 5000, signal })
  const overrides = parseToolOutput(run, parseLaunchdDisabled)
  const launchd = (label: string, evidenceLabel: Evidence['label']): RemoteService['state'] => {
    if (!overrides.ok) {
      evidence.push({ label: evidenceLabel, source: command, observed: overrides.reason.seen })
      return 'unknown'
    }
    const state = overrides.value.get(label)
    evidence.push({ label: evidenceLabel, source: `${command}: ${label}`, observed: state ?? t('seenNotListed') })
    return state === 'enabled' ? 'on' : 'off'
  }
  const reason = overrides.ok ? undefined : overrides.reason.reason

  const loginState = launchd('com.openssh.sshd', t('labelRemoteLogin'))
  const name = t('serviceRemoteLogin')
  const remoteLogin: RemoteService =
    loginState === 'on'
      ? await sshServiceOn(host, { name, sshd: '/usr/sbin/sshd', mainFile: '/etc/ssh/sshd_config', sshDir: '/etc/ssh' }, evidence, signal)
      : { id: 'ssh', name, state: loginState, ports: [22], ...(reason ? { reason } : {}) }

  const vnc = await vncPassword(host, evidence, signal)
  const sharingState = launchd('com.apple.screensharing', t('labelScreenSharing'))
  const screenSharing: RemoteService = {
    id: 'screenSharing',
    name: t('serviceScreenSharing'),
    state: sharingState,
    ports: [5900],
    ...(reason ? { reason } : {}),
    ...(vnc ? { vncPassword: true } : {}),
  }

  const listed = await attempt('processes', () => host.sysinfo.processes())
  const source = processListCommand('darwin')
  let management: RemoteService
  if (!listed.ok) {
    evidence.push({ label: t('labelRemoteManagement'), source, observed: observedWord('notRead') })
    management = {
      id: 'remoteManagement',
      name: t('serviceRemoteManagement'),
      state: 'unknown',
      reason: describeHostError(listed.reason, source),
      ports: [5900, 3283],
    }
  } else {
    const agent = listed.value.find((p) => p.path === ARD_AGENT || p.name === 'ARDAgent')
    evidence.push({
      label: t('labelRemoteManagement'),
      source: `${source}: ARDAgent`,
      observed: agent ? t('seenRunning') : t('seenNotRunning'),
    })
    management = {
      id: 'remoteManagement',
      name: t('serviceRemoteManagement'),
      state: agent ? 'on' : 'off',
      ports: [5900, 3283],
      ...(vnc ? { vncPassword: true } : {}),
    }
  }
  return [remoteLogin, screenSharing, management]
}

/** VNCLegacyConnectionsEnabled: "VNC viewers may control screen with password". The file is binary, so plutil reads it. */
async function vncPassword(host: Host, evidence: Evidence[], signal?: AbortSignal): Promise<boolean> {
  const run = await runTool(host, 'plutil', ['-convert', 'xml1', '-o', '-', ARD_PREFS], { timeoutMs: 4000, signal })
  if (!run.ok) {
    // plutil fails when the file does not exist: Remote Management was never set up, so no VNC password either.
    evidence.push({ label: t('labelVnc'), source: ARD_PREFS, observed: run.reason.seen })
    return false
  }
  const plist = parsePlist(run.value.stdout)
  if (!plist.ok || !isPlistDict(plist.value)) {
    evidence.push({ label: t('labelVnc'), source: ARD_PREFS, observed: observedError('io') })
    return false
  }
  const on = plist.value.VNCLegacyConnectionsEnabled === true
  evidence.push({ label: t('labelVnc'), source: `${ARD_PREFS}: VNCLegacyConnectionsEnabled`, observed: on ? t('seenOn') : t('seenOff') })
  return on
}
