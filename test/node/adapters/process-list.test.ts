import { existsSync } from 'node:fs'
import si from 'systeminformation'
import { describe, expect, it } from 'vitest'
import { execCommand } from '../../../src-main/node/adapters/exec.js'
import { MAX_PROCESSES, parsePs, PS_ARGS, splitCommandLine } from '../../../src-main/node/adapters/process-list.js'
import { createSystemInfo } from '../../../src-main/node/adapters/system-info.js'

const nothingExists = (): boolean => false

describe('splitCommandLine: program, parameters and folder as systeminformation derives them', () => {
  it.each([
    ['/usr/bin/tor -f /etc/tor/torrc', { path: '/usr/bin', command: 'tor', params: '-f /etc/tor/torrc' }],
    ['/usr/sbin/sshd -D', { path: '/usr/sbin', command: 'sshd', params: '-D' }],
    ['tor', { path: '', command: 'tor', params: '' }],
    ['/usr/lib/systemd/systemd-resolved', { path: '/usr/lib/systemd', command: 'systemd-resolved', params: '' }],
    ['node /srv/app.js', { path: '', command: 'node', params: '/srv/app.js' }],
    ['[kworker/0:1-events]', { path: '', command: 'kworker/0:1-events', params: '' }],
    ['[tor] <defunct>', { path: '', command: 'tor', params: '' }],
    ['sshd: alice@pts/0', { path: '', command: 'sshd', params: '' }],
    ['(sd-pam)', { path: '', command: '(sd-pam)', params: '' }],
    ['  /usr/bin/dnsmasq --conf-file=/x  ', { path: '/usr/bin', command: 'dnsmasq', params: '--conf-file=/x' }],
    ['', { path: '', command: '', params: '' }],
  ])('%j', (line, expected) => {
    expect(splitCommandLine(line, nothingExists)).toEqual(expected)
  })

  it('a program path with a space in it is split where the file exists', () => {
    const exists = (file: string): boolean => file === '/opt/My App/app'
    expect(splitCommandLine('/opt/My App/app --flag', exists)).toEqual({ path: '/opt/My App', command: 'app', params: '--flag' })
    expect(splitCommandLine('/opt/tool run now', (f) => f === '/opt/tool')).toEqual({ path: '/opt', command: 'tool', params: 'run now' })
    expect(splitCommandLine('/opt/tool run now', nothingExists)).toEqual({ path: '/opt', command: 'tool run now', params: '' })
  })
})

describe('parsePs', () => {
  it('reads pid, user, name and the split command line of each row', () => {
    const stdout = [
      '      1 root                                                             /sbin/init splash',
      '    812 debian-tor                                                       /usr/bin/tor --defaults-torrc /usr/share/tor/tor-service-defaults-torrc',
      '      2 root                                                             [kthreadd]',
      '   4711 alice                                                            ',
      '',
    ].join('\n')
    expect(parsePs(stdout, nothingExists)).toEqual([
      // "/sbin/init splash" has no "-" or "/" parameter, and no /sbin/init here: all of it is the program, as systeminformation has it.
      { pid: 1, user: 'root', name: 'init', command: 'init splash', params: '', path: '/sbin' },
      {
        pid: 812,
        user: 'debian-tor',
        name: 'tor',
        command: 'tor',
        params: '--defaults-torrc /usr/share/tor/tor-service-defaults-torrc',
        path: '/usr/bin',
      },
      { pid: 2, user: 'root', name: 'kthreadd', command: 'kthreadd', params: '', path: '' },
      { pid: 4711, user: 'alice', name: '', command: '', params: '', path: '' },
    ])
  })

  it.each([
    ['no pid', 'root /usr/bin/tor'],
    ['pid only', '   42'],
    ['binary garbage', '\u0000\u0001\u00ff tor'],
    ['a header line', '    PID USER     COMMAND'],
  ])('leaves out a row that is not a process: %s', (_, line) => {
    expect(parsePs(line, nothingExists)).toEqual([])
  })

  it('keeps control characters of a hostile command line as data (the report escapes them)', () => {
    const [p] = parsePs('  9 mallory  /tmp/x\u001b[2J -e \u0007', nothingExists)
    expect(p).toMatchObject({ pid: 9, user: 'mallory', command: 'x\u001b[2J', params: '-e \u0007' })
  })

  it('stops at MAX_PROCESSES rows, and reads a huge flood in linear time', () => {
    const row = '  1 root /usr/bin/x -a\n'
    const small = row.repeat(10_000)
    const huge = row.repeat(MAX_PROCESSES + 1000)
    expect(parsePs(huge, nothingExists)).toHaveLength(MAX_PROCESSES)
    const long = `  1 root /usr/bin/x ${'a '.repeat(2_000_000)}`
    expect(parsePs(long, nothingExists)[0]?.command).toBe(`x ${'a '.repeat(2_000_000)}`.trim())
    const time = (s: string): number => {
      const t = performance.now()
      parsePs(s, nothingExists)
      return performance.now() - t
    }
    time(small)
    // Growth, not a time target: ten times the rows must not cost a hundred times the time.
    expect(time(small.repeat(10))).toBeLessThan(Math.max(50, time(small) * 40))
  })
})

describe.runIf(process.platform === 'linux')('on this machine', () => {
  it('lists the same processes, with the same fields, as systeminformation', { timeout: 30_000 }, async () => {
    const fromSi = async (): Promise<Map<number, unknown>> =>
      new Map(
        (await si.processes()).list.map((p) => [
          p.pid,
          { pid: p.pid, name: p.name, command: p.command, params: p.params, path: p.path, user: p.user },
        ]),
      )
    const before = await fromSi()
    const ran = await execCommand('ps', PS_ARGS, process.env, { timeoutMs: 10_000 })
    const ours = parsePs(ran.stdout, existsSync)
    // systeminformation answers again from its cache within 500 ms.
    await new Promise((resolve) => setTimeout(resolve, 600))
    const after = await fromSi()
    // Other programs start and end meanwhile, and a kernel worker's title names the work it does at that moment:
    // compared are the processes both of systeminformation's readings agree on, kernel workers apart.
    const steady = ours.filter(
      (p) => p.name !== 'kworker' && before.has(p.pid) && JSON.stringify(before.get(p.pid)) === JSON.stringify(after.get(p.pid)),
    )
    expect(steady.length).toBeGreaterThan(5)
    for (const p of steady) expect(p).toEqual(before.get(p.pid))
    expect(steady.map((p) => p.pid)).toContain(process.pid)
  })

  it('the port reads it once per host and names this test process', async () => {
    const port = createSystemInfo(process.env)
    const [a, b] = await Promise.all([port.processes(), port.processes()])
    expect(a).toBe(b)
    expect(a.find((p) => p.pid === process.pid)?.name).toBe('node')
  })
})
