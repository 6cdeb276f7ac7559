import { defineMessages } from '../../core/i18n/message.js'

export const t = defineMessages('browser.tracking', {
  title: 'Tracking protection in browsers',
  observer:
    'What an observer learns: advertisers and data brokers whose scripts and cookies sit on many sites follow you from one site to the next and join what you read, buy and search into one profile.',
  rationale:
    'Most tracking on the web is done by third parties: the same ad or analytics company on thousands of sites recognises you by a cookie or your device and links your visits. Firefox can block known trackers and keep each site’s cookies in a separate jar (Total Cookie Protection), and can ask sites not to sell or share your data (Global Privacy Control). Chrome and most Chromium browsers let third-party cookies through unless you block them, and their Privacy Sandbox features (ad topics, ad measurement) tell sites about your interests. This check reads those settings, including any that an administrator enforces.',
  none: 'No Firefox profile or Chromium-based browser profile was found for this user.',
  allPass: 'Every browser profile found ({count}) blocks cross-site tracking cookies, and Firefox sends Global Privacy Control.',
  unknownProfile: 'Could not tell how {name} handles tracking: {reason}',
  ff_cookies_accept: '{name} accepts all cookies, including those of trackers on other sites (profiles checked: {count}).',
  ff_cookies_weak:
    '{name} keeps some cross-site cookies shared between sites (cookie behaviour {value}, not Total Cookie Protection) (profiles checked: {count}).',
  ff_tp_off: '{name} has tracking protection turned off by a policy (profiles checked: {count}).',
  ff_gpc_off:
    '{name} does not send Global Privacy Control, so sites are not told to stop selling or sharing your data (profiles checked: {count}).',
  cr_third_party_allowed:
    '{name} lets third-party cookies through, so trackers on other sites can recognise you (profiles checked: {count}).',
  cr_sandbox_on: '{name} has Privacy Sandbox ad features turned on ({features}) (profiles checked: {count}).',
  profileLabel: '{name}',
  ffCategoryLabel: '{name}: Enhanced Tracking Protection level',
  ffCookiesLabel: '{name}: cookie behaviour',
  ffGpcLabel: '{name}: Global Privacy Control',
  ffRfpLabel: '{name}: resist fingerprinting',
  ffTpLabel: '{name}: tracking protection in normal windows',
  crCookiesLabel: '{name}: third-party cookies blocked',
  crTopicsLabel: '{name}: Privacy Sandbox ad topics',
  crMeasurementLabel: '{name}: Privacy Sandbox ad measurement',
  crSiteAdsLabel: '{name}: Privacy Sandbox site-suggested ads',
  policyLabel: 'Policy source',
  problemLabel: 'Could not examine',
  expectedCookies: '5 (Total Cookie Protection), or 1 or 2',
  expectedGpc: 'true',
  expectedBlocked: 'true',
  expectedOff: 'false',
  rfpNote: 'optional: stronger, but breaks some sites',
  obsValue: '{value} ({from})',
  obsValueLocked: '{value} ({from}, locked)',
  from_builtin: 'built-in default',
  from_user: 'user setting',
  from_default: 'default set by the installation',
  from_policy: 'enterprise policy',
  from_preferences: 'Preferences',
  from_braveDefault: 'Brave’s default',
  from_chromiumDefault: 'Chromium’s default: blocked only in incognito',
  from_sandboxDefault: 'default: off until turned on',
  obsUnknown: 'unknown: {reason}',
  damaged: 'Firefox skips this damaged line: {text}',
  autoconfig: 'an AutoConfig script sets this pref, and its result depends on code Bulwark does not run',
  adminUnreadable: 'a default-pref file of the installation could not be read',
  notJson: 'not valid JSON ({error})',
  notObject: 'the top level is not an object',
  unreadable: '{file} could not be read: {reason}',
  policyCause: 'a policy source could not be interpreted ({source}): {reason}',
  // Remediation
  stepFirefox:
    'In Firefox open Settings → Privacy & Security and choose Enhanced Tracking Protection "Strict" (or keep "Standard", which already includes Total Cookie Protection). If a site breaks, turn protection off for that site only.',
  stepGpc: 'In the same page turn on "Tell websites not to sell or share my data" (Global Privacy Control).',
  stepChromium:
    'In Chrome, Chromium, Edge or Vivaldi open Settings → Privacy and security → Third-party cookies and choose "Block third-party cookies".',
  stepSandbox: 'In Chrome open Settings → Privacy and security → Ad privacy and turn off Ad topics, Site-suggested ads and Ad measurement.',
  stepPolicyLinux:
    'As an administrator you can enforce this: for Firefox the Cookies (Behavior "reject-tracker-and-partition-foreign", Locked) and EnableTrackingProtection policies in /etc/firefox/policies/policies.json; for Chromium browsers BlockThirdPartyCookies and the PrivacySandbox* policies in a JSON file in the managed policy folder (for Chromium /etc/chromium/policies/managed/).',
  stepPolicyWin:
    'As an administrator you can enforce this with Group Policy: Firefox’s Cookies and EnableTrackingProtection policies, and BlockThirdPartyCookies and the PrivacySandbox* policies for Chrome and Edge.',
  stepPolicyMac:
    'As an administrator you can enforce this with a configuration profile: Firefox’s Cookies and EnableTrackingProtection policies (org.mozilla.firefox), and BlockThirdPartyCookies and the PrivacySandbox* policies (com.google.Chrome).',
})

export const policyText = defineMessages('browser.tracking.policy', {
  badValue: 'the browser ignores {policy} = {value}',
  legacyCookies:
    'the Cookies policy uses the older Default, AcceptThirdParty or RejectTracker keys, whose combined effect Bulwark does not guess',
  userStatus: 'Preferences sets {pref} with Status "{status}", which depends on the profile',
  sets: 'sets {policies}',
  none: 'sets nothing this check reads',
  shadowed: 'not used: a source with higher priority applies',
  rejected: 'Firefox ignores this file: {error}',
  notEnabled: 'EnterprisePoliciesEnabled is not set, so Firefox ignores this domain',
  registryPreferences: 'the Preferences policy in the registry is not read by Bulwark',
})

/** The words of browser.tracking's fix (tracking-fix.verdict.ts). */
export const fixText = defineMessages('browser.tracking.fix', {
  fixTitle: 'Strengthen tracking protection in the Firefox profile {name}: {prefs}',
  fixProtects:
    'Firefox blocks known trackers, keeps each site’s cookies in a separate jar, and tells sites not to sell or share your data.',
  fixProtectsGpc: 'Firefox tells every site not to sell or share your data (Global Privacy Control).',
  fixMayBreakStrict:
    'Strict blocks more than Standard: some sites (logins through another site, embedded videos, comment boxes) may not work. Turn protection off for that site only with the shield icon in the address bar.',
})
