import { defineMessages } from '../../core/i18n/message.js'

export const t = defineMessages('dns.firefox', {
  title: 'Encrypted DNS in Firefox',
  observer:
    'What an observer learns: your DNS lookups name every site and service you reach, so your internet provider, the Wi-Fi owner or anyone on the same network sees where you go even when the pages are encrypted.',
  rationale:
    'Plain DNS tells your network, your internet provider and anyone watching the Wi-Fi every site you visit. Firefox can send lookups over HTTPS instead, but only its "Max Protection" mode (network.trr.mode 3) never falls back to plain DNS. The DNS-over-HTTPS provider you pick then sees your lookups, so choose one you trust.',
  // Summaries
  noProfiles: 'No Firefox profile was found for this user.',
  noProfilesButProblems: 'Firefox profiles could not be listed: {reason}',
  allPass: 'Every Firefox profile found ({count}) sends DNS lookups only over HTTPS (network.trr.mode 3).',
  unknownProfile: 'Could not tell whether Firefox profile "{name}" uses encrypted DNS: {reason}',
  // One summary per reason; {count} profiles were checked and "{name}" is the weakest.
  r_trr_only: 'Firefox profile "{name}" uses DNS over HTTPS only.',
  r_trr_only_default_provider: 'Firefox profile "{name}" uses DNS over HTTPS only, with Firefox\'s default provider.',
  r_trr_only_bad_uri:
    'Firefox profile "{name}" is set to DNS over HTTPS only, but its resolver address is not an https:// URL, so its lookups fail until that is fixed (profiles checked: {count}).',
  r_trr_first:
    'Firefox profile "{name}" tries DNS over HTTPS first but falls back to plain DNS (network.trr.mode 2; profiles checked: {count}).',
  r_rollout_first:
    'Firefox profile "{name}" has DNS over HTTPS turned on only by Mozilla\'s rollout, which falls back to plain DNS (profiles checked: {count}).',
  r_native: 'Firefox profile "{name}" uses plain DNS: DNS over HTTPS is off (network.trr.mode 0; profiles checked: {count}).',
  r_reserved:
    'Firefox profile "{name}" uses plain DNS: network.trr.mode {mode} is a retired value that acts as off (profiles checked: {count}).',
  r_off_by_choice: 'Firefox profile "{name}" has DNS over HTTPS turned off (network.trr.mode 5; profiles checked: {count}).',
  r_invalid_mode:
    'Firefox profile "{name}" has network.trr.mode {mode}, a value Firefox does not define, so it uses plain DNS (profiles checked: {count}).',
  r_unreadable: 'Firefox profile "{name}" could not be assessed.',
  // Evidence labels and notes
  profileLabel: 'Firefox profile "{name}"{marks}',
  markInstallDefault: ' (install default)',
  markDefault: ' (default)',
  modeLabel: 'network.trr.mode in profile "{name}"',
  uriLabel: 'network.trr.uri in profile "{name}"',
  rolloutLabel: 'doh-rollout.mode in profile "{name}"',
  strictLabel: 'network.trr.strict_native_fallback in profile "{name}"',
  strictNote:
    'Set to true: Firefox falls back to plain DNS less often (not on DoH errors it can recover from), but still can. Only mode 3 never falls back.',
  expectedMode: '3 (DNS over HTTPS only, "Max Protection")',
  expectedUri: "An https:// DNS-over-HTTPS address, or empty for Firefox's default provider",
  skippedLabel: 'Unreadable statements in {file}',
  wrongTypeLabel: '{pref} in {file} has the wrong type',
  wrongTypeNote:
    'Firefox ignores a value of the wrong type (a number written as text) and keeps the value before it. Write it without quotes.',
  skippedNote: 'Statements that could not be read: {count} (the first at line {line}). Firefox skips them too.',
  obsListedIn: '{name} (listed in {source})',
  obsUnknownAt: 'unknown ({path})',
  obsBuiltin: '{value} (Firefox built-in default; not set anywhere)',
  obsFromFile: '{value} from {path} line {line}',
  obsVia: '({via})',
  obsLocked: '(locked)',
  obsFromPolicyLocked: '{value} from policy {via} in {source} (locked)',
  obsFromPolicyDefault: '{value} from policy {via} in {source} (default; a user setting can override it)',
  obsLines: 'lines {lines}',
  policyLabel: 'Firefox enterprise policy source',
  missingLabel: 'Profile listed in profiles.ini but missing on disk',
  problemLabel: 'Could not read',
  iniDamagedLabel: 'Unreadable lines in profiles.ini',
  unreadableCause: '{file} could not be read ({reason})',
  damagedCause: '{file} line {line} is damaged and names this setting: {text}',
  policyCause: 'a policy source could not be interpreted ({source}): {reason}',
  ac_conditional:
    '{file} line {line} sets a DNS-over-HTTPS setting only inside a block or after a condition, which Bulwark does not evaluate: {text}',
  ac_computed: '{file} line {line} computes a preference name or value, which Bulwark does not evaluate: {text}',
  ac_redefined: '{file} line {line} redefines an AutoConfig function, so its calls cannot be read: {text}',
  ac_remote:
    '{file} line {line} makes Firefox download more settings from a server (autoadmin.global_config_url), which Bulwark does not fetch: {text}',
  ac_mentions: '{file} line {line} uses a DNS-over-HTTPS setting in JavaScript that Bulwark does not evaluate: {text}',
  ac_unparseable: '{file} could not be read as JavaScript (line {line}: {text}) and it names a DNS-over-HTTPS setting.',
  policyConflictCause: '{lockedAt} locks this setting and a policy in {source} sets another value; which one Firefox keeps is not certain.',
  adminLabel: 'Preference files of the Firefox installation',
  adminNote: 'Default-pref files read: {count}; AutoConfig file: {autoconfig}',
  adminNoteNoAutoconfig: 'Default-pref files read: {count}; no AutoConfig file is set up.',
  // Remediation
  stepUi:
    'In each Firefox profile open Settings → Privacy & Security → DNS over HTTPS, choose "Max Protection" and pick a provider you trust. This is network.trr.mode 3: Firefox never falls back to plain DNS.',
  stepUserJs:
    "Or, with Firefox closed, first copy the profile's prefs.js somewhere safe, then add these lines to user.js in the profile folder (about:profiles shows the folder). Replace the address with your provider's if you prefer another.",
  stepUndo:
    'To undo the user.js change, remove the lines from user.js and put back the prefs.js copy. Firefox copies user.js values into prefs.js, so deleting the lines alone does not revert them.',
  stepLocked:
    'If Firefox shows the setting as managed by your organisation, a policy locks it: ask your administrator. As an administrator you can enforce DNS-over-HTTPS-only for every profile with the DNSOverHTTPS policy (Enabled, Fallback false, Locked):',
  stepLockedLinux:
    'As an administrator, write the policy file (if /etc/firefox/policies/policies.json already exists, add the DNSOverHTTPS entry to it instead):',
  stepAskAdmin:
    'DNS over HTTPS is locked for this Firefox by {source}, so neither the settings page nor user.js can change it: ask whoever manages this computer to change it there (the next step is for them).',
})

export const policyText = defineMessages('dns.firefox.policy', {
  absent: 'No policy file here.',
  none: 'Read; sets nothing about DNS over HTTPS.',
  applies: 'Sets DNS over HTTPS ({via}).',
  shadowed: 'Sets DNS over HTTPS, but a higher-priority policy source sets it first.',
  rejected: 'Not valid JSON ({error}). Firefox rejects the whole file, so none of its policies apply. Fix or remove the file.',
  invalidPolicy: 'The DNSOverHTTPS policy has values of the wrong type ({detail}); Firefox ignores that policy.',
  userStatus:
    'The Preferences policy sets {pref} with Status "{status}"; Bulwark cannot tell whether that value or the profile\'s own wins.',
  unreadable:
    'Could not read it: {reason}. It may set DNS over HTTPS, so the result is unknown until it can be read (run Bulwark as an administrator).',
  notEnabled: 'Managed preferences exist but EnterprisePoliciesEnabled is not true, so Firefox ignores them.',
})

/** The words of dns.firefox's fix (firefox-fix.verdict.ts). */
export const fixText = defineMessages('dns.firefox.fix', {
  fixTitle: 'Turn on DNS over HTTPS only (mode 3) in the Firefox profile {name}, with the resolver {url}',
  fixProtects: 'Your network and its provider can no longer see or change the names of the sites Firefox visits.',
  fixMayBreakLocal: 'Names only your local network knows (a router page, an office intranet) may stop opening in Firefox.',
  fixProviderLabel: 'DNS-over-HTTPS resolver',
})
