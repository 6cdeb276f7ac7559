import { copyFileSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { parseAptConfigDump } from '../../checks/catalogue/os/apt-config.parse.js'
import { osUpdatesCheck } from '../../checks/catalogue/os/updates.check.js'
import { linuxOutcome } from '../../checks/catalogue/os/updates.verdict.js'
import { runCheck } from '../../checks/core/engine/runner.js'
import { createNodeHost } from '../../src-main/node/adapters/node-host.js'

// The real apt-config of the Debian package, reading a temporary configuration (APT_CONFIG → a temp apt.conf whose
// Dir::Etc is a temp folder) with the package's own 50unattended-upgrades: the host's apt configuration is never touched.
const PACKAGE_CONF = '/etc/apt/apt.conf.d/50unattended-upgrades'
const made: string[] = []

function aptConfig(autoUpgrades: string | null): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'bulwark-apt-'))
  made.push(dir)
  mkdirSync(path.join(dir, 'apt.conf.d'))
  copyFileSync(PACKAGE_CONF, path.join(dir, 'apt.conf.d', '50unattended-upgrades'))
  if (autoUpgrades !== null) writeFileSync(path.join(dir, 'apt.conf.d', '20auto-upgrades'), autoUpgrades)
  const conf = path.join(dir, 'apt.conf')
  writeFileSync(conf, `Dir::Etc "${dir}";\nDir::Etc::main "none";\nDir::Etc::parts "apt.conf.d";\n`)
  return conf
}

const ON = 'APT::Periodic::Update-Package-Lists "1";\nAPT::Periodic::Unattended-Upgrade "1";\n'
const OFF = 'APT::Periodic::Update-Package-Lists "1";\nAPT::Periodic::Unattended-Upgrade "0";\n'
const DEBIAN13 = { id: 'debian', versionId: '13', codename: 'trixie', prettyName: 'Debian GNU/Linux 13 (trixie)', supportEnd: '' }

async function dump(autoUpgrades: string | null): Promise<ReturnType<typeof parseAptConfigDump>> {
  const host = createNodeHost({ ...process.env, APT_CONFIG: aptConfig(autoUpgrades) })
  const out = await host.exec('apt-config', ['dump'], { timeoutMs: 10_000 })
  expect(out.code).toBe(0)
  return parseAptConfigDump(out.stdout)
}

afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true })
})

describe('os.updates against the real apt-config and unattended-upgrades', () => {
  it.each([
    ['on', ON, 'pass', 'os.updates.linuxAuto', '1'],
    ['off', OFF, 'fail', 'os.updates.aptOff', '0'],
    ['missing', null, 'fail', 'os.updates.aptOff', undefined],
  ] as const)('auto-upgrades %s', async (_name, conf, status, summary, unattended) => {
    const parsed = await dump(conf)
    if (!parsed.ok) throw new Error(parsed.reason)
    expect(parsed.value.values.get('APT::Periodic::Unattended-Upgrade')).toBe(unattended)
    // The package's real origins include the Debian security archive.
    expect(parsed.value.lists.get('Unattended-Upgrade::Origins-Pattern')?.some((o) => o.includes('Debian-Security'))).toBe(true)
    const outcome = linuxOutcome({
      nowMs: Date.parse('2026-12-07T12:00:00Z'),
      osRelease: { ok: true, value: DEBIAN13 },
      apt: {
        dump: { ok: true, value: parsed.value },
        command: 'apt-config dump',
        programInstalled: true,
        timersMasked: [],
        lastRefresh: null,
      },
      dnf: null,
      gnomeDownload: null,
    })
    expect(outcome.status).toBe(status)
    expect(outcome.summary.key).toBe(summary)
  })

  it('the whole check, on this machine, reads the real apt-config and says unattended-upgrades is off', async () => {
    const r = await runCheck(osUpdatesCheck, createNodeHost({ ...process.env, APT_CONFIG: aptConfig(OFF) }))
    expect(r.status).toBe('fail')
    expect(r.summary.key).toBe('os.updates.aptOff')
    expect(r.evidence.map((e) => [e.source, e.observed])).toContainEqual(['apt-config dump: APT::Periodic::Unattended-Upgrade', '0'])
  })
})
