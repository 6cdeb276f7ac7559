import { describe, expect, it } from 'vitest'
import { LOG_TAIL_CHARS, noticeLogFile, parseBootstrapLog } from '../../../../checks/catalogue/tor/log.parse.js'
import { expectLinearTime } from '../../../support/linear-time.js'

/** Lines as tor 0.4.9.11 wrote them with `Log notice file` and its only bridge at 127.0.0.1:9. */
const START = 'Dec 07 10:55:05.000 [notice] Tor 0.4.9.11 opening new log file.'
const AT_5 = 'Dec 07 10:55:06.000 [notice] Bootstrapped 5% (conn): Connecting to a relay'
const STUCK =
  'Dec 07 10:55:06.000 [warn] Problem bootstrapping. Stuck at 5% (conn): Connecting to a relay. (Connection refused; CONNECTREFUSED; count 1; recommendation warn; host 0000000000000000000000000000000000000000 at 127.0.0.1:9)'
const DONE = 'Dec 07 11:00:00.000 [notice] Bootstrapped 100% (done): Done'
const EXIT = 'Dec 07 10:55:17.000 [notice] Catching signal TERM, exiting cleanly.'

describe('parseBootstrapLog', () => {
  it.each([
    [
      'a tor stuck with a problem',
      [START, AT_5, STUCK],
      { progress: 5, tag: 'conn', summary: 'Connecting to a relay', warning: 'Connection refused' },
      false,
    ],
    ['a tor that got through', [START, AT_5, STUCK, DONE], { progress: 100, tag: 'done', summary: 'Done', warning: null }, false],
    [
      'an earlier run that finished, then a new one at 5%',
      [START, DONE, EXIT, START, AT_5],
      { progress: 5, tag: 'conn', summary: 'Connecting to a relay', warning: null },
      false,
    ],
    ['a run that has ended', [START, AT_5, EXIT], { progress: 5, tag: 'conn', summary: 'Connecting to a relay', warning: null }, true],
    ['a new run with no bootstrap line yet', [START, DONE, START], null, false],
    ['an empty log', [], null, false],
  ] as const)('%s', (_name, lines, bootstrap, ended) => {
    expect(parseBootstrapLog(lines.join('\n'))).toEqual({ bootstrap, ended })
  })

  it('ignores malformed and hostile lines: no progress over 100, control characters replaced', () => {
    const log = [
      START,
      '[notice] Bootstrapped 500% (x): y',
      '[notice] Bootstrapped 7% (conn): a\u001b[2J\u202eb',
      'garbage \u0000\u0001',
    ].join('\n')
    expect(parseBootstrapLog(log).bootstrap).toEqual({ progress: 7, tag: 'conn', summary: 'a?[2J?b', warning: null })
  })

  const huge = (brackets: number): string => `${START}\n${DONE}\n${'x'.repeat(LOG_TAIL_CHARS * 4)}\n${AT_5}\n${'['.repeat(brackets)}`

  it('reads only the tail of a huge log', () => {
    expect(parseBootstrapLog(huge(100_000)).bootstrap?.progress).toBe(5)
  })

  it.each([
    ['a huge log ending in "["', (n: number) => huge(n)],
    ['a tail of progress lines', (n: number) => `${AT_5}\n`.repeat(n / 76)],
  ])('reads %s in time linear in its size (256 KiB, 512 KiB, 1 MiB)', (_name, make) => {
    expectLinearTime((scale) => make(scale * 256 * 1024), parseBootstrapLog)
  })
})

describe('noticeLogFile', () => {
  it.each([
    ['notice file /var/log/tor/notices.log', '/var/log/tor/notices.log'],
    ['info-warn file /var/log/tor/info.log', '/var/log/tor/info.log'],
    ['[handshake]debug [*]notice file /tmp/x', null],
    ['[*]notice file /tmp/all.log', '/tmp/all.log'],
    ['warn file /var/log/tor/warn.log', null],
    ['debug-info file /var/log/tor/debug.log', null],
    ['notice syslog', null],
    ['notice stdout', null],
    ['notice file relative.log', null],
    ['notice file C:\\Tor\\notice.log', 'C:\\Tor\\notice.log'],
    ['', null],
  ])('%s → %s', (value, file) => {
    expect(noticeLogFile(value)).toBe(file)
  })
})
