import { defineCheck } from '../../core/define-check.js'
import { configOutcome } from './config.verdict.js'
import { t } from './config.messages.js'
import { authTargets, configFixes } from './config-fix.verdict.js'
import { discoverTor, loadTorConfigs, torServiceUnit } from './tor-install.io.js'

const settings = { text: t('stepSettings') }

export const torConfigCheck = defineCheck({
  id: 'tor.config',
  texts: t,
  category: 'tor',
  severity: 'high',
  effort: 1,
  costMs: 40, // the process list and the torrc files
  remediation: {
    byPlatform: {
      linux: [
        { text: t('stepEdit'), command: { shell: 'sh', line: 'sudoedit /etc/tor/torrc' }, requiresAdmin: true },
        settings,
        { text: t('stepReloadLinux'), command: { shell: 'sh', line: 'sudo systemctl reload tor' }, requiresAdmin: true },
      ],
      darwin: [
        { text: t('stepEdit'), command: { shell: 'sh', line: 'open -e "$(brew --prefix)/etc/tor/torrc"' } },
        settings,
        { text: t('stepReloadMac'), command: { shell: 'sh', line: 'brew services restart tor' } },
      ],
      win32: [
        {
          text: t('stepWindows'),
          command: { shell: 'powershell', line: 'notepad "$env:USERPROFILE\\Desktop\\Tor Browser\\Browser\\TorBrowser\\Data\\Tor\\torrc"' },
        },
        settings,
      ],
    },
    references: [
      {
        title: 'tor(1) manual: SocksPort, ControlPort, CookieAuthentication, %include',
        url: 'https://manpages.debian.org/bookworm/tor/tor.1.en.html',
      },
      { title: 'Tor control protocol: authentication', url: 'https://spec.torproject.org/control-spec/' },
    ],
  },
  fixes: configFixes,
  async run(host, signal) {
    const [sets, found] = await Promise.all([loadTorConfigs(host), discoverTor(host)])
    signal.throwIfAborted()
    const outcome = configOutcome({ platform: host.platform, sets })
    if (outcome.status !== 'fail') return outcome
    const pids = sets.flatMap((s) => (s.candidate.pid === undefined ? [] : [s.candidate.pid]))
    const units = new Map(await Promise.all(pids.map(async (pid) => [pid, await torServiceUnit(host, pid)] as const)))
    const fixable = authTargets(host.platform, sets, found, units)
    return fixable.length > 0 ? { ...outcome, fixable } : outcome
  },
})
