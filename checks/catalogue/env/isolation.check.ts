import { defineCheck } from '../../core/define-check.js'
import { defineMessages } from '../../core/i18n/message.js'
import type { Outcome, Step } from '../../core/types.js'
import { detectIsolation, type IsolationInfo } from './isolation.io.js'

const t = defineMessages('env.isolation', {
  title: 'Isolated system for sensitive work',
  observer: 'What an observer learns: when everything runs in one place, one bad app or document can read everything else on this device.',
  rationale:
    'Malware or a mistake on an everyday system reaches everything on it. Tails forgets everything at shutdown and sends all traffic through Tor; Qubes OS keeps each task in its own virtual machine; Whonix keeps the real network address away from your apps. For high-risk work they contain what a single system cannot.',
  tails: 'This is Tails: it forgets everything at shutdown and sends all traffic through Tor.',
  whonixGateway: 'This is a Whonix Gateway: it runs Tor for the Whonix Workstations connected to it.',
  whonixWorkstation: 'This is a Whonix Workstation: all its traffic goes through Tor on the Whonix Gateway.',
  qubesDom0: 'This is Qubes OS (dom0): your apps run in separate virtual machines.',
  qubesVm: 'This is a Qubes OS virtual machine ({type}), kept apart from your other qubes.',
  vm: 'This system runs in a virtual machine ({hypervisor}). That keeps it apart from the host, but the host can see everything in it, and it neither forgets what you did nor sends traffic through Tor.',
  plain: 'This is an everyday system with no isolation for sensitive work. For high-risk work, boot Tails or use Qubes OS.',
  uncertain:
    'Bulwark could not read {source} ({code}), so it cannot tell whether this is Tails, Whonix or Qubes. Run Bulwark as a user who can read it.',
  stepTails:
    'For work that must leave no trace, boot Tails from a USB stick: it forgets everything at shutdown and sends all traffic through Tor. Use it when being identified or having the computer searched would put you at risk.',
  stepQubes:
    'To keep tasks apart every day, install Qubes OS on a separate computer: each task gets its own virtual machine, and Whonix qubes send traffic through Tor.',
  stepTorBrowser: 'When Tails or Qubes is more than you need, use Tor Browser for sensitive browsing.',
})

const steps: Step[] = [
  { text: t('stepTails'), link: 'https://tails.net/install/' },
  { text: t('stepQubes'), link: 'https://www.qubes-os.org/intro/' },
  { text: t('stepTorBrowser'), link: 'https://www.torproject.org/download/' },
]

/** Pure: the verdict for what detectIsolation found. */
export function isolationOutcome(info: IsolationInfo): Outcome {
  const evidence = info.evidence
  switch (info.kind) {
    case 'tails':
      return { status: 'pass', summary: t('tails'), evidence }
    case 'whonix-gateway':
      return { status: 'pass', summary: t('whonixGateway'), evidence }
    case 'whonix-workstation':
      return { status: 'pass', summary: t('whonixWorkstation'), evidence }
    case 'qubes-dom0':
      return { status: 'pass', summary: t('qubesDom0'), evidence }
    case 'qubes-vm':
      return { status: 'pass', summary: t('qubesVm', { type: info.qubesVmType ?? 'qube' }), evidence }
    case 'none':
      if (info.uncertain)
        return { status: 'unknown', summary: t('uncertain', { source: info.uncertain.source, code: info.uncertain.code }), evidence }
      // A plain VM is a warn, not a pass: it could be a cloud server or a work desktop rather than a
      // deliberate compartment, and it gives none of the amnesia or Tor routing the advice is about.
      if (info.hypervisor) return { status: 'warn', summary: t('vm', { hypervisor: info.hypervisor }), evidence }
      return { status: 'warn', summary: t('plain'), evidence }
  }
}

export const isolationCheck = defineCheck({
  id: 'env.isolation',
  texts: t,
  category: 'isolation',
  severity: 'low',
  platforms: ['linux', 'darwin', 'win32'],
  effort: 3,
  remediation: {
    byPlatform: { linux: steps, darwin: steps, win32: steps },
    references: [
      { title: 'Tails: how Tails works', url: 'https://tails.net/about/' },
      { title: 'Qubes OS: introduction', url: 'https://www.qubes-os.org/intro/' },
      { title: 'Whonix: about', url: 'https://www.whonix.org/wiki/About' },
    ],
  },
  async run(host) {
    return isolationOutcome(await detectIsolation(host))
  },
})
