/**
 * The foundation's promise, end to end: `node out/cli/index.js scan --json` reports tor.service as
 * pass while a real tor daemon listens on 127.0.0.1:9050, and not as pass once it is gone.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { scanReportSchema } from '../support/report-schema.js'
import { findTorBinary, isPortFree, startTor, type TorDaemon } from '../support/tor-daemon.js'
import { BUILT_CLI } from '../support/built-cli.js'

const haveTor = findTorBinary() !== null
if (!haveTor && process.env.CI) throw new Error('tor is not installed, and CI must run this test (apt-get install tor)')

let home: string
let tor: TorDaemon | undefined
// Decided before collection, so the skip conditions below see it.
const portFree = haveTor && (await isPortFree(9050))

function torResult() {
  const r = spawnSync(process.execPath, [BUILT_CLI, 'scan', '--json', '--only', 'tor.service'], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: home, LANG: 'C.UTF-8' },
    timeout: 30000,
  })
  const report = scanReportSchema.parse(JSON.parse(r.stdout))
  return { code: r.status, result: report.results[0] }
}

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'bulwark-cli-tor-'))
  if (process.env.CI && !portFree) throw new Error('127.0.0.1:9050 is taken; CI needs it free for this test')
})

afterAll(async () => {
  await tor?.stop()
  rmSync(home, { recursive: true, force: true })
})

describe.skipIf(!haveTor)('bulwark scan with a real tor on 127.0.0.1:9050', () => {
  it.skipIf(!portFree && !process.env.CI)('is pass while tor listens on 9050, with the SOCKS evidence', async () => {
    // No control port: its bootstrap cannot be read, so the verified SOCKS port passes (a readable
    // bootstrap below 100% would warn: this tor's only bridge is 127.0.0.1:9).
    tor = await startTor({ socksPort: 9050, controlPort: false })
    const { code, result } = torResult()
    expect(result?.status).toBe('pass')
    expect(JSON.stringify(result?.evidence)).toContain('127.0.0.1:9050')
    expect(code).not.toBe(2)
  })

  it.skipIf(!portFree && !process.env.CI)('is not pass, and says why, once tor is stopped', async () => {
    await tor?.stop()
    tor = undefined
    await new Promise((r) => setTimeout(r, 600))
    const { result } = torResult()
    expect(['warn', 'fail', 'not_applicable']).toContain(result?.status)
    expect(result?.summary.length).toBeGreaterThan(10)
  })
})
