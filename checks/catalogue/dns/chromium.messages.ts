import { defineMessages } from '../../core/i18n/message.js'

export const t = defineMessages('dns.chromium', {
  title: 'Encrypted DNS in Chromium-based browsers',
  observer:
    'What an observer learns: your DNS lookups name every site and service you reach, so your internet provider, the Wi-Fi owner or anyone on the same network sees where you go even when the pages are encrypted.',
  rationale:
    'Plain DNS tells your network, your internet provider and anyone on the same Wi-Fi every site you visit. Chrome, Edge, Brave and other Chromium browsers can send lookups over HTTPS, but in "automatic" mode they fall back to plain DNS whenever the encrypted route fails or your DNS provider has none. Only "secure" mode with a chosen provider never falls back. That provider then sees your lookups, so choose one you trust.',
  none: 'No Chrome, Chromium, Edge, Brave or Vivaldi user data was found for this user.',
  allPass: 'Every Chromium-based browser found ({count}) uses secure DNS with a provider.',
  unknownBrowser: 'Could not tell whether {browser} uses secure DNS: {reason}',
  r_secure: '{browser} uses secure DNS with a provider.',
  r_secure_no_template:
    '{browser} is set to secure DNS but has no usable https:// provider template, so its lookups fail until one is chosen (browsers checked: {count}).',
  r_automatic: '{browser} uses "automatic" secure DNS, which falls back to plain DNS (browsers checked: {count}).',
  r_default_automatic:
    '{browser} has no secure DNS setting, so the default applies: automatic upgrade at best, which falls back to plain DNS (or off on managed devices) (browsers checked: {count}).',
  r_off: '{browser} has secure DNS turned off (browsers checked: {count}).',
  r_unrecognised_mode: '{browser} has secure DNS mode "{mode}", which the browser treats as off (browsers checked: {count}).',
  r_unreadable: '{browser} could not be assessed.',
  browserLabel: '{browser}',
  modeLabel: '{browser}: secure DNS mode',
  templatesLabel: '{browser}: DNS-over-HTTPS templates',
  expectedMode: '"secure"',
  obsUnknown: 'unknown',
  obsDefault: 'not set (browser default)',
  obsPolicy: '{value} (managed policy)',
  obsLocalState: '{value} (Local State)',
  expectedTemplates: 'At least one https:// DNS-over-HTTPS template',
  policyLabel: '{browser}: managed policy source',
  problemLabel: 'Could not examine',
  notJson: 'It is not valid JSON ({error}); the file may be damaged.',
  policyCause: 'a policy source could not be interpreted ({source}): {reason}',
  unreadableCause: '{file} could not be read: {reason}',
  // Remediation
  stepUi:
    'In each browser open its security settings and turn on "Use secure DNS", then choose a provider (not "your current service provider", which can fall back): chrome://settings/security in Chrome and Chromium, edge://settings/privacy in Edge (Security section), brave://settings/security in Brave, vivaldi://settings/security in Vivaldi.',
  stepNoLocalState: 'Change the setting in the browser, not in the Local State file: the browser rewrites that file when it exits.',
  stepPolicy:
    'As an administrator you can enforce it for every user with the DnsOverHttpsMode ("secure") and DnsOverHttpsTemplates policies. For Chrome:',
  stepPolicyMac:
    'As an administrator you can enforce it with a configuration profile (MDM, or installed in System Settings → Privacy & Security → Profiles) whose payload type is the browser\'s bundle id (com.google.Chrome, org.chromium.Chromium, com.microsoft.Edge, com.brave.Browser, com.vivaldi.Vivaldi), setting {mode} to "secure" and {templates} to your provider, e.g. {url}.',
  stepPolicyOthers: 'For Chromium use {chromium}, for Edge {edge}, for Brave {brave} instead.',
  stepUiFor:
    'In {browser} open {page}, turn on "Use secure DNS" and choose a provider (not "your current service provider", which can fall back to plain DNS).',
  stepPolicyFor:
    'As an administrator you can enforce it for every user of {browser} with the DnsOverHttpsMode ("secure") and DnsOverHttpsTemplates policies:',
})

export const policyText = defineMessages('dns.chromium.policy', {
  sets: 'Sets {policies}.',
  none: 'Read; sets no DNS-over-HTTPS policy.',
  notJson: 'Not JSON ({error}); the browser skips this file.',
  commentsUncertain: 'Sets a DNS-over-HTTPS policy in a file with {what}; the browser may skip such a file. Remove them to be sure.',
  badType: '{policy} is not a text value here; the browser ignores it.',
  unreadable:
    'Could not read it: {reason}. It may set DNS over HTTPS, so the result is unknown until it can be read (for example by running Bulwark as an administrator).',
})

/** The words of the secure-DNS fixes: each browser's own Local State, or the managed policy for every user. */
export const fixText = defineMessages('dns.chromium.fix', {
  providerLabel: 'DNS-over-HTTPS resolver for Chromium-family browsers',
  scopeLabel: 'Where to set it: user (this browser’s own setting) or policy (every user, as an administrator)',
  title: 'Secure DNS only, with {url}, in {browser} (its Local State file)',
  policyTitle: 'Secure DNS only, with {url}, for every user of the browsers reading {dir} (a managed policy)',
  protects:
    'Every name the browser looks up goes encrypted to the resolver you picked, never as plain DNS your network or provider can read or change; a failed lookup fails instead of falling back to plain DNS.',
  mayBreakClose: 'Close {browser} first: it keeps its settings in memory and writes them back over the file when it exits.',
  mayBreakLocal:
    'Names only your network knows (a printer, a company intranet, a hotel or café sign-in page) stop resolving in the browser while secure DNS is on.',
  mayBreakPolicy:
    'Nobody can change the setting in the browser any more (it shows as managed by your organisation) until the policy file is removed.',
  policyTitleWindows: 'Secure DNS only, with {url}, for every user of {browser} (the managed policy in {key})',
  mayBreakPolicyWindows:
    'Nobody can change the setting in {browser} any more (it shows as managed by your organisation) until the two policy values are deleted.',
  noPolicyMac:
    'No policy fix on macOS: the browsers read their policies there from configuration profiles, which an MDM or System Settings installs and may rewrite, so Bulwark does not write one. Install a profile as the steps say, or run the fix without --choose scope=policy to change each browser’s own setting.',
  noLocalStateWindows:
    'On Windows Bulwark changes only the managed policy: it cannot yet tell safely whether the browser is closed, and a running browser writes its Local State back over the change. Run the fix as an administrator with --choose scope=policy, or change the setting in the browser as the steps say.',
  running: '{browser} is running on {dir}. Quit it, then run the fix again.',
  localStateBad: '{path} is not the JSON object the browser writes, so Bulwark does not change it.',
  localStateGone: '{path} is no longer there: start the browser once, then run the fix again.',
  policyBad: '{path} is not a JSON object, so Bulwark does not change it.',
})
