import { defineMessages } from '../../core/i18n/message.js'

export const t = defineMessages('browser.webrtc', {
  title: 'WebRTC address exposure in browsers',
  observer:
    'What an observer learns: any web page you open can ask WebRTC for your network addresses without a prompt. With a VPN up, that can include the real address your internet provider gave you, which ties your browsing to your home or office.',
  rationale:
    'WebRTC lets pages make calls and share files directly between browsers. To find a path it collects the addresses of your network interfaces and asks servers on the internet what they see. By default that uses every interface, not only the VPN, so a page can learn the address the VPN is meant to hide. Firefox and Chromium-based browsers can limit WebRTC to the route ordinary web traffic takes, or turn it off.',
  none: 'No Firefox profile and no Chrome, Chromium, Edge, Brave or Vivaldi user data was found for this user.',
  allPass: 'WebRTC in every browser profile found ({count}) is off or uses only the route ordinary web traffic takes.',
  s_fail:
    '{browser} lets WebRTC use every network interface while a VPN is up ({tunnels}): a web page can learn the address behind the VPN (profiles checked: {count}).',
  s_all_down:
    '{browser} lets WebRTC use every network interface. No VPN is up now; once one is, a web page can learn the address behind it (profiles checked: {count}).',
  s_all_unknown:
    '{browser} lets WebRTC use every network interface, and whether a VPN is up could not be told: {reason} (profiles checked: {count}).',
  s_private: '{browser} limits WebRTC to the default route but still shows pages its local network address (profiles checked: {count}).',
  s_proxy:
    '{browser} keeps WebRTC behind a proxy only while one is set; without a proxy it uses every network interface (profiles checked: {count}).',
  s_unknown: 'Could not tell how {browser} handles WebRTC: {reason}',
  noBrowsersButProblems: 'Could not look for browser profiles: {reason}',
  // Evidence
  browserLabel: '{browser}',
  prefLabel: '{browser}: {pref}',
  policyLabel: '{browser}: managed policy',
  tunnelLabel: 'VPN tunnel',
  problemLabel: 'Could not examine',
  expectedPref: 'true (or media.peerconnection.enabled false)',
  expectedPolicy: '"default_public_interface_only" or "disable_non_proxied_udp"',
  obsBuiltin: '{value} (built-in default)',
  obsDefault: '{value} (default set by {source})',
  obsUser: '{value} (set)',
  obsLocked: '{value} (locked)',
  obsUnknownPref: 'unknown',
  obsPolicySet: '{value} (managed policy)',
  obsPrefsSet: '{value} (Preferences)',
  obsUnset: 'not set: every interface',
  obsUnrecognised: '{value}: not a value the browser knows, so it uses every interface',
  obsNoPolicy: 'not set',
  obsTunnelsUp: 'up: {names}',
  obsTunnelsNone: 'none up',
  exp_all_interfaces: 'every network interface',
  exp_proxy_when_proxied: 'proxy only when a proxy is set',
  exp_default_route_private: 'default route, with its local address',
  exp_default_route: 'default route only',
  exp_proxy_only: 'proxy only',
  exp_off: 'WebRTC off',
  damagedCause: '{file} line {line} could not be read as Firefox reads it ({text})',
  unreadableCause: '{file} could not be read: {reason}',
  policyCause: 'a policy source could not be read ({source}): {reason}. Run Bulwark as an administrator to read it.',
  // Remediation
  stepFirefox:
    'In Firefox open about:config and set media.peerconnection.ice.default_address_only and media.peerconnection.ice.no_host to true. Calls in the browser keep working over the route your web traffic takes.',
  stepFirefoxOff:
    'Or, if you make no calls in Firefox, set media.peerconnection.enabled to false to turn WebRTC off (sites with video calls then stop working).',
  stepUserJs: 'Or add these lines to user.js in each profile folder (Firefox must be closed):',
  stepUndo: 'To undo, delete those lines from user.js and use the reset arrow next to each pref in about:config.',
  stepBrave: 'In Brave open brave://settings/privacy and set "WebRTC IP handling policy" to "Default public interface only".',
  stepChromiumPolicy:
    'Chrome, Chromium, Edge and Vivaldi have no setting page for this. As an administrator set the WebRtcIPHandlingPolicy policy to "default_public_interface_only" (for Chromium on Linux below; Chrome reads /etc/opt/chrome/policies/managed/, Edge /etc/opt/edge/policies/managed/):',
  stepChromiumPolicyWin:
    'Chrome, Chromium, Edge and Vivaldi have no setting page for this. As an administrator set the WebRtcIPHandlingPolicy policy to "default_public_interface_only" (for Chrome below; Edge uses HKLM:\\SOFTWARE\\Policies\\Microsoft\\Edge, Chromium HKLM:\\SOFTWARE\\Policies\\Chromium):',
  stepChromiumPolicyMac:
    'Chrome, Chromium, Edge and Vivaldi have no setting page for this. As an administrator install a configuration profile whose payload is the browser\'s bundle id (com.google.Chrome, org.chromium.Chromium, com.microsoft.Edge) setting WebRtcIPHandlingPolicy to "default_public_interface_only".',
})

export const firefoxText = defineMessages('browser.webrtc.firefox', {
  registryNotJson: 'the Preferences policy in the registry is not valid JSON',
})

export const chromiumText = defineMessages('browser.webrtc.chromium', {
  notJson: 'it is not valid JSON ({error}); the file may be damaged',
  notObject: 'it is not a JSON object',
})

/** The words of browser.webrtc's fix (webrtc-fix.verdict.ts). */
export const fixText = defineMessages('browser.webrtc.fix', {
  fixTitle: 'Limit WebRTC in the Firefox profile {name} to the route your web traffic takes',
  fixProtects:
    'Pages can no longer learn the addresses of your other network interfaces through WebRTC, such as the real address behind a VPN or your local address.',
  fixMayBreakDirect:
    'Calls and file transfers in the browser may connect through a relay server instead of directly, which can be slower; a direct connection to a device on your own network may fail.',
  fixMayBreakNotOff:
    'WebRTC stays on, so video calls keep working. To turn it off completely, set media.peerconnection.enabled to false in about:config yourself (sites with calls then stop working).',
})
