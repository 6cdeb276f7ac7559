import { defineMessages } from '../../core/i18n/message.js'

export const t = defineMessages('tor.service', {
  title: 'Tor',
  observer:
    'What an observer learns: a Tor setup that leaks or is open to other programs can reveal your real address and link what you do over Tor to you.',
  rationale:
    'Tor hides which sites you visit from your network and hides your address from the sites. Bulwark checks that a real Tor answers on this computer (not just any proxy), that its control port needs a password or cookie, and how far it has connected to the Tor network.',
  failNullAuth:
    "Tor's control port {endpoint} accepts commands without a password or cookie: any program on this computer can reconfigure Tor or see where it connects. Set CookieAuthentication 1 in torrc and restart Tor.",
  passDone: 'Tor is running and connected to the Tor network (SOCKS port {endpoint}).',
  warnBootstrapping:
    'Tor is running but not connected to the Tor network: it has got to {progress}%, so nothing can go through it yet (SOCKS port {endpoint}). Wait a minute; if it stays below 100%, check your internet connection or set up a bridge.',
  warnBootstrapProblem:
    'Tor is running but cannot connect to the Tor network: it stopped at {progress}% and reports "{problem}", so nothing can go through it (SOCKS port {endpoint}). Check your internet connection and clock; if they are fine, Tor may be blocked here: set up a bridge.',
  passNoControl:
    'Tor is running (SOCKS port {endpoint} answers as Tor). Whether it is connected to the Tor network is unknown: no control port answered, so Bulwark cannot see its progress. To see it, give tor a ControlPort with CookieAuthentication 1.',
  passCookieUnreadable:
    "Tor is running (SOCKS port {endpoint} answers as Tor). Whether it is connected to the Tor network is unknown: Bulwark cannot read the control cookie {file}. Run Bulwark as a user in Tor's group (debian-tor on Debian) to see it.",
  passNotAuthenticated:
    'Tor is running (SOCKS port {endpoint} answers as Tor). Whether it is connected to the Tor network is unknown: its control port only accepts {methods}, which Bulwark does not use.',
  passStateUnreadable:
    'Tor is running (SOCKS port {endpoint} answers as Tor). Whether it is connected to the Tor network is unknown: {source} did not say ({problem}).',
  passWhonixWorkstation: 'This is a Whonix Workstation: Tor runs on the Whonix Gateway, so no local Tor is needed.',
  warnSocksNotTor:
    'Port {endpoint} speaks SOCKS5 but is not Tor: apps set to use it for Tor are not anonymous. Find out which program listens there.',
  warnProcessNoPort:
    'A tor process is running (PID {pid}) but no SOCKS port on this computer answered as Tor. Check its SocksPort setting, or restart it.',
  warnBrowserNotRunning: 'Tor Browser is installed ({path}) but not running. Start Tor Browser to use Tor.',
  warnDaemonNotRunning: 'Tor is installed ({path}) but not running. Start it with: {command}',
  fail: 'No Tor daemon or Tor Browser found. Install Tor Browser from torproject.org to browse anonymously.',
  evInstall: 'Tor installed',
  evProcess: 'Running tor process',
  evProcessList: 'Process list',
  evSocks: 'SOCKS port probe',
  evControl: 'Control port (PROTOCOLINFO)',
  evCookie: 'Control port cookie',
  evBootstrap: 'Tor network connection (bootstrap)',
  evTorVersion: 'Tor version',
  evBootstrapLog: 'Tor log (bootstrap)',
  obsTorDaemon: 'tor daemon',
  obsNoAnswer: 'no answer ({error}, {ms} ms)',
  obsNotSocks: 'not SOCKS5: {greeting}',
  obsSocks: 'SOCKS5 {greeting}; HTTP probe: {http}',
  obsNoReply: '(no reply)',
  obsNotControl: 'not a Tor control port ({problem})',
  obsNotControlDetail: 'not a Tor control port ({problem}: {detail})',
  obsReplyEmpty: 'empty reply',
  obsReplyNotTor: 'reply not from Tor',
  obsReplyError: 'error reply',
  obsReplyTruncated: 'reply cut off',
  obsReplyAuthFailed: 'authentication refused',
  obsReplyProblem: '{problem}: {detail}',
  obsCookieSize: '{size} bytes (expected 32)',
  obsNoBootstrap: 'no bootstrap status in reply',
  obsLogEnded: 'the last tor run in it has ended',
  obsLogNoBootstrap: 'no bootstrap line since tor started',
  obsNoCookieFile: 'no COOKIEFILE in the PROTOCOLINFO reply',
  expectSocks: 'SOCKS5 reply 05 00 and "HTTP/1.0 501 Tor is not an HTTP Proxy"',
  expectAuth: 'COOKIE, SAFECOOKIE or HASHEDPASSWORD (never NULL)',
  expectBootstrap: 'PROGRESS=100 TAG=done',
  stepBrowser: 'Download Tor Browser from the Tor Project and start it: it runs its own Tor.',
  stepDaemonLinux: 'Or run the Tor service: install it, then start it.',
  stepDaemonMac: 'Or run Tor with Homebrew: install it, then start it as a service.',
  stepCookie: 'If the control port needs no authentication, add "CookieAuthentication 1" to torrc and restart Tor.',
  stepStartBrowser: 'Start Tor Browser ({path}): it runs its own Tor while it is open.',
  stepStartDaemon: 'Start the Tor service that is already installed.',
  stepWait: 'Wait a minute or two: Tor needs time to connect, longer on a slow network. Then scan again.',
  stepCheckNetwork:
    'Check that this computer is online (open a website without Tor) and that its date, time and time zone are right: Tor cannot connect with a wrong clock.',
  stepBridge:
    'If Tor still does not connect, it may be blocked on this network: set up a bridge (in Tor Browser: Settings, Connection, Bridges; for the tor service: Bridge lines from bridges.torproject.org in torrc).',
})
