import { render, type Locale } from '../i18n/locale.js'
import { defineMessages, type Msg } from '../i18n/message.js'
import type { ReportChecklist } from '../report/model.js'
import type { ProfileId } from './profiles.js'

/**
 * The self-assessed checklist: advice no scan can verify (how you message, what you share, how you
 * pay). Each item is data: what it protects against, its honest limits and plain steps, and the
 * threat profiles it belongs to. The person's own tick and its date live in the store, apart from
 * verified results; no score, plan priority or verdict ever reads them.
 */
const t = defineMessages('guidance.checklist', {
  messengerTitle: 'End-to-end encrypted messenger',
  messengerProtects:
    'Only you and the people you write to can read the messages and hear the calls: not the company that runs the service, not your network, not someone who breaks into its servers.',
  messengerLimits:
    'Encryption hides what you say, not that you talk: who, when, how often and from where can still be seen by the service and the network. An unlocked or seized phone shows the messages in plain text.',
  messengerStep1: 'Use Signal, or another messenger that encrypts every chat end to end by default, for the conversations that matter.',
  messengerStep2: 'Turn on disappearing messages in chats you would not want read later.',
  messengerStep3: 'Compare safety numbers with the people you trust most, in person or on a call.',

  identitiesTitle: 'Separate identities',
  identitiesProtects:
    "Keeping work and personal life (or a public and a private persona) in different accounts and browser profiles stops one account's cookies, contacts and history from tying the two together.",
  identitiesLimits:
    'The same device, IP address, phone number or writing style can still link the identities. A separate browser profile does not hide your address from the sites you visit.',
  identitiesStep1: 'Use a different email address and account for each identity.',
  identitiesStep2: 'Give each identity its own browser profile, or use Firefox Multi-Account Containers.',
  identitiesStep3: 'Never sign in to both identities in the same browser profile.',

  shareTitle: 'Sharing on platforms',
  shareProtects: 'What you never post cannot be collected, combined or used against you: photos, places, routines, your contacts.',
  shareLimits:
    'Settings such as "friends only" still give everything to the platform itself. Others can post about you, and what was posted once may already be copied.',
  shareStep1: 'Review the privacy settings of each social account and limit who can see your posts and your friends list.',
  shareStep2: 'Remove the location from photos before you share them, and do not post where you are while you are there.',
  shareStep3: 'Delete old posts and the accounts you no longer use.',

  cardsTitle: 'Masked payment cards',
  cardsProtects:
    'A virtual or masked card number for each shop stops shops and data brokers from linking your purchases through one card number, and a leaked number can be closed without replacing your real card.',
  cardsLimits: 'Your bank or the card service still sees every purchase, and the name and delivery address on an order still identify you.',
  cardsStep1: 'Ask your bank whether it offers virtual cards, or use a masked card service.',
  cardsStep2: 'Use a separate card number for each shop or subscription.',
  cardsStep3: 'Close a card number when you stop using the shop.',

  patternsTitle: 'Varied patterns',
  patternsProtects:
    'Doing the same things at the same times and places makes you easy to predict; varying routes and times makes a pattern harder to read.',
  patternsLimits:
    'Random timing by hand gives little protection: people are poor at being random, and months of metadata still show a pattern. Tor and fewer accounts do more than changing when you go online.',
  patternsStep1: 'Vary your routes and times for sensitive meetings.',
  patternsStep2: 'Prefer Tor and fewer accounts to changing when you go online.',
  patternsStep3: 'Leave your phone at home when the place of a meeting must stay private.',

  vpnTitle: 'VPN provider',
  vpnProtects: 'A VPN hides your traffic from the local network and from your internet provider.',
  vpnLimits:
    'The VPN provider then sees what your internet provider used to see: every address you connect to. A VPN does not make you anonymous and does not stop sites from recognising you.',
  vpnStep1: 'Choose a provider that publishes an independent audit of its no-logs promise, one you would trust with your browsing.',
  vpnStep2: 'Where you can, pay in a way that does not tie the account to your name.',
  vpnStep3: 'Use Tor instead when the provider must not know who you are.',

  keysTitle: 'Security keys on online accounts',
  keysProtects:
    'A hardware security key on your email, cloud and work accounts stops phishing: a fake site cannot use what the key gives it.',
  keysLimits:
    'Bulwark sees keys set up on this computer, not on your online accounts. An account that still accepts an SMS code or recovery questions can be taken through them.',
  keysStep1: 'Add a security key to your email account first, then to your cloud storage, password manager and work accounts.',
  keysStep2: 'Register a second key and keep it somewhere safe.',
  keysStep3: 'Remove SMS codes and recovery questions as ways to sign in, where the account allows it.',

  torTitle: 'Tor Browser',
  torProtects: 'Tor Browser hides your IP address from the sites you visit and makes you look like every other Tor Browser user.',
  torLimits:
    'Signing in to a site tells it who you are, Tor or not. Some sites block Tor, and your network can see that you use Tor unless you use a bridge.',
  torStep1: 'Install Tor Browser from torproject.org and use it for sensitive searches and sites.',
  torStep2: 'Do not sign in to personal accounts in Tor Browser, and do not add extensions to it.',
  torStep3: 'Use a bridge where using Tor is itself dangerous.',

  heading: 'Checklist: advice a scan cannot see',
  intro:
    'Bulwark cannot check these on this computer. Tick an item when you have done it: your tick and its date stay on this computer and never count in the score.',
  saidDone: 'You said done ({date})',
  notYet: 'Not yet',
  protectsLabel: 'What it protects against',
  limitsLabel: 'Its limits',
  stepsLabel: 'What to do',
  hintLabel: 'Hint, not a check',
  summary: 'You said done: {done} of {total}',

  hintSignal: 'Signal Desktop is installed ({path}).',
  hintFirefoxProfiles: 'Firefox has {count} profiles for this user ({path}).',
  hintContainers: 'Firefox Multi-Account Containers is turned on in the profile {profile}.',
})

export const checklistText = t

export const CHECKLIST_ITEM_IDS = [
  'messenger',
  'identities',
  'share-less',
  'masked-cards',
  'patterns',
  'vpn-provider',
  'account-keys',
  'tor-browser',
] as const
export type ChecklistItemId = (typeof CHECKLIST_ITEM_IDS)[number]

export function isChecklistItemId(value: unknown): value is ChecklistItemId {
  return typeof value === 'string' && (CHECKLIST_ITEM_IDS as readonly string[]).includes(value)
}

export interface ChecklistItem {
  /** Stable: scripts and the store name an item by it. */
  id: ChecklistItemId
  title: Msg
  protects: Msg
  /** What it does not do: said plainly so nobody trusts it for more than it gives. */
  limits: Msg
  steps: readonly Msg[]
  profiles: readonly ProfileId[]
}

type Name = Parameters<typeof t>[0]
type PrefixOf<N> = N extends `${infer P}Title` ? P : never
type Prefix = PrefixOf<Name>

const ALL: readonly ProfileId[] = ['everyday', 'it-baseline', 'high-risk']

function item(id: ChecklistItemId, prefix: Prefix, profiles: readonly ProfileId[]): ChecklistItem {
  const steps = (['Step1', 'Step2', 'Step3'] as const).map((n) => t(`${prefix}${n}` as Name))
  return { id, title: t(`${prefix}Title`), protects: t(`${prefix}Protects` as Name), limits: t(`${prefix}Limits` as Name), steps, profiles }
}

/** In the order the advice matters most: what leaks every day first, what only a targeted person needs last. */
export const CHECKLIST: readonly ChecklistItem[] = [
  item('messenger', 'messenger', ALL),
  item('identities', 'identities', ALL),
  item('share-less', 'share', ['everyday', 'high-risk']),
  item('masked-cards', 'cards', ['everyday', 'high-risk']),
  item('vpn-provider', 'vpn', ALL),
  item('account-keys', 'keys', ['it-baseline', 'high-risk']),
  item('tor-browser', 'tor', ['high-risk']),
  item('patterns', 'patterns', ['high-risk']),
]

/** The items a profile lists; with no profile chosen yet, every item. */
export function checklistFor(profile: ProfileId | null | undefined): ChecklistItem[] {
  return profile ? CHECKLIST.filter((i) => i.profiles.includes(profile)) : [...CHECKLIST]
}

/** The store's key for an item's tick (beside the walk-through's `<check>#<step>` and the panic list's `panic.<item>`). */
export function checklistKey(id: ChecklistItemId): string {
  return `advice.${id}`
}

/** Something on this computer that suggests an item may be done. It never ticks the item and never sets a status. */
export interface ChecklistHint {
  item: ChecklistItemId
  text: Msg
  /** The file or folder that showed it, so the person can look for themselves. */
  source: string
}

export interface ChecklistEntry {
  item: ChecklistItem
  /** When the person said they did it (ISO time), or null. */
  doneAt: string | null
  hints: ChecklistHint[]
}

/** Pure: the items of a profile with the person's ticks (store key → ISO time) and any hints. */
export function checklistEntries(
  profile: ProfileId | null | undefined,
  ticks: Readonly<Record<string, string>>,
  hints: readonly ChecklistHint[] = [],
): ChecklistEntry[] {
  return checklistFor(profile).map((item) => ({
    item,
    doneAt: ticks[checklistKey(item.id)] ?? null,
    hints: hints.filter((h) => h.item === item.id),
  }))
}

/** The checklist as a report carries it: titles in the reader's language and the dates the person gave. */
export function reportChecklist(entries: readonly ChecklistEntry[], locale: Locale): ReportChecklist {
  return { countedInScore: false, items: entries.map((e) => ({ id: e.item.id, title: render(e.item.title, locale), doneAt: e.doneAt })) }
}
