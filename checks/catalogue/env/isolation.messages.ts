import { defineMessages } from '../../core/i18n/message.js'

export const t = defineMessages('env.isolation', {
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
