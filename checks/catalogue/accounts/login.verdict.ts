import { observedError, observedWord } from '../../core/host/helpers.js'
import type { Msg } from '../../core/i18n/message.js'
import { mostSevere } from '../../core/report/model.js'
import type { Evidence, Outcome, Status, Step } from '../../core/types.js'
import type { LoginFacts } from './login.io.js'
import { t } from './login.messages.js'
import type { NopasswdRule } from './login.parse.js'

type Problem = 'auto' | 'guest' | 'sudo'

const STEPS: Record<LoginFacts['os'], Partial<Record<Problem, Step>>> = {
  linux: {
    auto: { text: t('stepLinuxAuto'), link: 'https://wiki.archlinux.org/title/GDM#Automatic_login' },
    guest: { text: t('stepLinuxGuest'), link: 'https://wiki.archlinux.org/title/LightDM' },
    sudo: { text: t('stepLinuxSudo'), link: 'https://manpages.debian.org/bookworm/sudo/sudoers.5.en.html' },
  },
  darwin: {
    auto: { text: t('stepMacAuto'), link: 'https://support.apple.com/guide/mac-help/set-your-mac-to-automatically-log-in-mchlp2200/mac' },
    guest: { text: t('stepMacGuest'), link: 'https://support.apple.com/guide/mac-help/allow-guests-to-log-in-to-your-mac-mtusr001/mac' },
  },
  win32: {
    auto: {
      text: t('stepWindowsAuto'),
      link: 'https://learn.microsoft.com/troubleshoot/windows-server/user-profiles-and-logon/turn-on-automatic-logon',
    },
    guest: {
      text: t('stepWindowsGuest'),
      link: 'https://learn.microsoft.com/powershell/module/microsoft.powershell.localaccounts/disable-localuser',
    },
  },
}

/** Every step of a platform, in order: the check's default steps. */
export function defaultSteps(os: LoginFacts['os']): Step[] {
  return Object.values(STEPS[os])
}

interface Part {
  status: Status
  summary: Msg
  problem?: Problem
}

const shown = (rule: NopasswdRule): string => `${rule.who}: ${rule.commands.slice(0, 5).join(', ')}${rule.commands.length > 5 ? ', …' : ''}`

function sudoPart(rules: readonly NopasswdRule[]): Part | null {
  if (rules.length === 0) return null
  const everything = rules.find((r) => r.commands.includes('ALL'))
  if (everything) return { status: 'fail', summary: t('sudoAll', { who: everything.who }), problem: 'sudo' }
  const commands = rules.flatMap((r) => r.commands)
  const who = [...new Set(rules.map((r) => r.who))].join(', ')
  return { status: 'warn', summary: t('sudoSome', { who, count: String(commands.length), first: commands[0] ?? '' }), problem: 'sudo' }
}

/** Pure: the verdict for what readLoginFacts found. The status is the worst finding, and its summary leads. */
export function loginOutcome(f: LoginFacts): Outcome {
  const parts: Part[] = []
  const evidence: Evidence[] = []
  if (f.storedPassword) {
    const user = f.defaultUser ?? '?'
    parts.push({ status: 'fail', summary: t('storedPassword', { user, source: f.storedPassword }), problem: 'auto' })
    evidence.push({ label: t('passwordLabel'), source: f.storedPassword, observed: observedWord('present') })
  }
  for (const login of f.logins) {
    evidence.push({ label: t('autoLoginLabel'), source: login.source, observed: login.autoUser ?? t('seenOff') })
    if (login.autoUser)
      parts.push({ status: 'fail', summary: t('autoLogin', { user: login.autoUser, source: login.source }), problem: 'auto' })
    if (login.timedUser) {
      evidence.push({ label: t('timedLoginLabel'), source: login.source, observed: login.timedUser })
      parts.push({ status: 'fail', summary: t('timedLogin', { user: login.timedUser, source: login.source }), problem: 'auto' })
    }
  }
  if (f.logins.length === 0 && f.os === 'linux')
    evidence.push({
      label: t('autoLoginLabel'),
      source: '/etc/gdm3/custom.conf, /etc/lightdm/lightdm.conf, /etc/sddm.conf',
      observed: observedError('not_found'),
    })
  if (f.guest) {
    evidence.push({ label: t('guestLabel'), source: f.guest.source, observed: f.guest.enabled ? t('seenOn') : t('seenOff') })
    if (f.guest.enabled) parts.push({ status: 'warn', summary: t('guest', { source: f.guest.source }), problem: 'guest' })
  }
  const sudo = f.sudo
  if (sudo?.via === 'none') evidence.push({ label: t('sudoLabel'), source: sudo.command, observed: t('seenNotInstalled') })
  if (sudo?.via === 'list') {
    const list = sudo.list
    const rules = list.kind === 'rules' ? list.rules : []
    const observed =
      list.kind === 'password_required'
        ? t('seenPasswordRequired')
        : list.kind === 'not_allowed'
          ? t('seenNotAllowed')
          : rules.length > 0
            ? rules.map(shown).join('; ')
            : t('seenNoRule')
    evidence.push({ label: t('sudoLabel'), source: sudo.command, observed })
    const part = sudoPart(rules)
    if (part) parts.push(part)
  }
  if (sudo?.via === 'files') {
    const source = sudo.files.slice(0, 4).join(', ') + (sudo.files.length > 4 ? ', …' : '')
    if (sudo.rules.length === 0) evidence.push({ label: t('sudoLabel'), source, observed: t('seenNoRule') })
    for (const rule of sudo.rules.slice(0, 20)) evidence.push({ label: t('sudoLabel'), source, observed: shown(rule) })
    const part = sudoPart(sudo.rules)
    if (part) parts.push(part)
  }
  for (const u of f.unread) {
    evidence.push({ label: t('readLabel'), source: u.source, observed: u.seen })
    parts.push({ status: 'unknown', summary: t('unread', { source: u.source, reason: u.reason }) })
  }
  const [first, ...rest] = parts
  const lead = first && mostSevere(first, ...rest)
  if (!lead) return { status: 'pass', summary: t('clean', { count: String(f.looked.length) }), evidence }
  const problems = new Set(parts.map((p) => p.problem).filter((p): p is Problem => p !== undefined))
  const steps = (['auto', 'guest', 'sudo'] as const).filter((p) => problems.has(p)).flatMap((p) => STEPS[f.os][p] ?? [])
  return { status: lead.status, summary: lead.summary, evidence, ...(steps.length > 0 ? { steps } : {}) }
}
