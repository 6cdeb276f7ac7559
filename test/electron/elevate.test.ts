/**
 * The command the app starts to reach an administrator, per OS: the exact argv (no real prompt here), that no
 * argument becomes code, and what each exit code of the prompt and the helper means.
 */
import { describe, expect, it } from 'vitest'
import {
  createElevator,
  elevatedOutcome,
  elevationCommand,
  OSASCRIPT,
  PKEXEC,
  POWERSHELL,
  type Command,
  type ElevationRequest,
} from '../../src-main/electron/elevate.js'

const HEX = 'ab'.repeat(32)
const linuxHelper = { program: '/opt/Bulwark/resources/helper/bulwark', args: [] }
const request = (over: Partial<ElevationRequest> = {}): ElevationRequest => ({
  file: '/home/alex/.config/bulwark/fixes/plans/x.plan.json',
  sha256: HEX,
  uid: 1000,
  ...over,
})

describe('elevationCommand', () => {
  it.each([
    ['linux', request(), { program: PKEXEC, args: [linuxHelper.program, 'apply-plan', request().file, '--sha256', HEX, '--user', '1000'] }],
    [
      'linux',
      request({ undo: true, force: true, file: '/home/alex/.config/bulwark/fixes/a.fix.json' }),
      {
        program: PKEXEC,
        args: [
          linuxHelper.program,
          'apply-plan',
          '/home/alex/.config/bulwark/fixes/a.fix.json',
          '--sha256',
          HEX,
          '--user',
          '1000',
          '--undo',
          '--force',
        ],
      },
    ],
  ] as const)('%s: pkexec runs the helper with an argv', (platform, req, expected) => {
    expect(elevationCommand(platform, linuxHelper, req)).toEqual({ ok: true, value: expected })
  })

  it('macOS: osascript gets a fixed script and the words as argv, quoted by AppleScript, never spliced into it', () => {
    const hostile = request({ file: "/Users/a'; rm -rf ~; echo '/fixes/plans/x.plan.json" })
    const r = elevationCommand('darwin', { program: '/Applications/Bulwark.app/Contents/Resources/helper/bulwark', args: [] }, hostile)
    if (!r.ok) throw new Error('refused')
    expect(r.value.program).toBe(OSASCRIPT)
    const script = r.value.args.slice(0, 14)
    expect(script.filter((_, i) => i % 2 === 0)).toEqual(Array(7).fill('-e'))
    expect(script.filter((_, i) => i % 2 === 1)).toContain('do shell script cmd with administrator privileges')
    expect(script.join('\n')).not.toContain(hostile.file)
    expect(r.value.args.slice(14)).toEqual([
      '/Applications/Bulwark.app/Contents/Resources/helper/bulwark',
      'apply-plan',
      hostile.file,
      '--sha256',
      HEX,
      '--user',
      '1000',
    ])
  })

  it('Windows: UAC through Start-Process -Verb RunAs, each word a single-quoted literal, no --user', () => {
    const r = elevationCommand(
      'win32',
      { program: 'C:\\Program Files\\Bulwark\\resources\\helper\\bulwark.exe', args: [] },
      request({ file: "C:\\Users\\O'Brien\\AppData\\Roaming\\bulwark\\fixes\\plans\\x.plan.json", uid: null }),
    )
    if (!r.ok) throw new Error('refused')
    expect(r.value.program).toBe(POWERSHELL)
    expect(r.value.args.slice(0, 3)).toEqual(['-NoProfile', '-NonInteractive', '-Command'])
    expect(r.value.args[3]).toBe(
      "$p = Start-Process -FilePath 'C:\\Program Files\\Bulwark\\resources\\helper\\bulwark.exe' -ArgumentList " +
        `'"apply-plan"','"C:\\Users\\O''Brien\\AppData\\Roaming\\bulwark\\fixes\\plans\\x.plan.json"','"--sha256"','"${HEX}"' ` +
        '-Verb RunAs -Wait -PassThru; exit $p.ExitCode',
    )
  })

  it.each([
    ['a double quote', 'C:\\a"b\\fixes\\plans\\x.plan.json'],
    ['a newline', 'C:\\a\nb'],
    ['an escape character', 'C:\\a\u001bb'],
  ])('Windows refuses a word with %s rather than quote it', (_name, file) => {
    expect(elevationCommand('win32', { program: 'C:\\h.exe', args: [] }, request({ file, uid: null }))).toEqual({
      ok: false,
      reason: { kind: 'unsafe-argument', value: file },
    })
  })
})

describe('elevatedOutcome', () => {
  it.each([
    ['linux', 0, '', 'done'],
    ['linux', 126, '', 'cancelled'],
    ['linux', 127, 'Error executing command as another user: Not authorized', 'cancelled'],
    ['linux', 3, '', 'refused'],
    ['linux', 5, '', 'changed'],
    ['linux', 4, '', 'failed-part-way'],
    ['linux', 2, '', 'failed'],
    ['linux', null, '', 'failed'],
    ['darwin', 0, '', 'done'],
    ['darwin', 1, '0:93: execution error: User canceled. (-128)', 'cancelled'],
    ['darwin', 1, '0:93: execution error: bulwark: Refused … (3)', 'refused'],
    ['darwin', 1, '0:93: execution error: … (5)\n', 'changed'],
    ['darwin', 1, 'garbage', 'failed'],
    ['win32', 0, '', 'done'],
    ['win32', 1, 'Start-Process : This command cannot be run due to the error: The operation was canceled by the user.', 'cancelled'],
    ['win32', 5, '', 'changed'],
  ] as const)('%s exit %s (%j) is %s', (platform, code, stderr, expected) => {
    expect(elevatedOutcome(platform, code, stderr)).toBe(expected)
  })

  it('the elevator runs exactly the built command once and maps its code', async () => {
    const ran: Command[] = []
    const elevator = createElevator('linux', linuxHelper, async (c) => {
      ran.push(c)
      return { code: 5, stderr: '' }
    })
    expect(await elevator.run(request())).toBe('changed')
    expect(ran).toEqual([{ program: PKEXEC, args: [linuxHelper.program, 'apply-plan', request().file, '--sha256', HEX, '--user', '1000'] }])
  })
})
