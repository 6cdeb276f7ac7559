import { execFileSync } from 'node:child_process'
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { englishText, interpolate } from '../../checks/core/i18n/message.js'
import type { Evidence } from '../../checks/core/types.js'
import { wireguardKeysCheck } from '../../checks/catalogue/vpn/wireguard-keys.check.js'
import { createFixtureHost } from '../support/fixture-host.js'

/** The value seen as an English reader sees it (Bulwark's own words are messages). */
const shown = (v: Evidence['observed']): string => (typeof v === 'object' && v !== null ? englishText(v) : String(v))

function wgAvailable(): boolean {
  try {
    execFileSync('wg', ['--version'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

const hasWg = wgAvailable()
if (!hasWg && process.env.CI) throw new Error('CI must run the WireGuard keys test: wg (wireguard-tools) is not installed')

describe.skipIf(!hasWg)('vpn.wireguard-keys with real `wg genkey` keys', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'bwk-etc-'))
  afterAll(() => rmSync(root, { recursive: true, force: true }))

  const key = execFileSync('wg', ['genkey'], { encoding: 'utf8' }).trim()
  const pub = execFileSync('wg', ['pubkey'], { input: key, encoding: 'utf8' }).trim()
  const config = `[Interface]\nPrivateKey = ${key}\nAddress = 10.99.0.1/24\n\n[Peer]\nPublicKey = ${pub}\nAllowedIPs = 0.0.0.0/0, ::/0\n`

  const scan = async (fileMode: number, dirMode: number, uid: number) => {
    const dir = path.join(root, `case-${fileMode.toString(8)}-${dirMode.toString(8)}-${uid}`)
    const etc = path.join(dir, 'etc/wireguard')
    mkdirSync(etc, { recursive: true })
    writeFileSync(path.join(etc, 'wg0.conf'), config)
    chmodSync(path.join(etc, 'wg0.conf'), fileMode)
    chmodSync(etc, dirMode)
    const host = createFixtureHost({
      platform: 'linux',
      root: dir,
      home: '/home/alex',
      files: { '/proc/self/status': `Uid:\t${uid}\t${uid}\t${uid}\t${uid}\n` },
    })
    const o = await wireguardKeysCheck.run(host, new AbortController().signal)
    expect(JSON.stringify(o)).not.toContain(key)
    return {
      status: o.status,
      summary: interpolate(o.summary.en, o.summary.params),
      evidence: o.evidence.map((e) => `${e.source} => ${shown(e.observed)}`).join('\n'),
    }
  }

  it('0600 in a 0700 folder, scanned as root → pass, evidence shows mode and "contains PrivateKey: yes"', async () => {
    const r = await scan(0o600, 0o700, 0)
    expect(r.status, r.summary).toBe('pass')
    expect(r.evidence).toMatch(/\/etc\/wireguard\/wg0\.conf => mode 0600, owner uid \d+, contains PrivateKey: yes/)
  })

  it('0644 in a 0755 folder → fail: other users can read the key', async () => {
    const r = await scan(0o644, 0o755, 0)
    expect(r.status, r.summary).toBe('fail')
    expect(r.summary).toContain('/etc/wireguard/wg0.conf')
  })

  it('0600 readable by an unprivileged scan → fail', async () => {
    const r = await scan(0o600, 0o700, 1000)
    expect(r.status, r.summary).toBe('fail')
    expect(r.summary).toMatch(/without admin rights/)
  })
})
