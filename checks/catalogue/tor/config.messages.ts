import { defineMessages } from '../../core/i18n/message.js'

export const t = defineMessages('tor.config', {
  title: "Tor's ports and control port",
  observer:
    'What an observer learns: a Tor setup that leaks or is open to other programs can reveal your real address and link what you do over Tor to you.',
  rationale:
    'A Tor SOCKS port on a network address lets anyone nearby use your Tor as an open proxy. A control port without a cookie or password lets any program on this computer (or on the network, if exposed) reconfigure Tor and see where it connects.',
  notApplicable: 'No torrc file was found, so there is no Tor configuration to check.',
  failNoAuth:
    'Tor\'s control port needs no authentication ({source}: ControlPort {value}). Any program on this computer can control Tor. Add "CookieAuthentication 1" to the torrc and restart Tor.',
  failExposed:
    'Tor\'s control port listens on a network address ({source}: ControlPort {value}), so other computers can try to control Tor. Change it to "ControlPort 127.0.0.1:9051".',
  warnOpenSocks:
    'Tor\'s SOCKS port listens on a network address ({source}: SocksPort {value}), so other computers can use your Tor as an open proxy. Change it to "SocksPort 127.0.0.1:9050".',
  unknownUnreadable: 'Bulwark could not read {path} ({code}), so this Tor configuration is not checked. To check it, run: {command}',
  unknownUnreadableWindows:
    'Bulwark could not read {path} ({code}), so this Tor configuration is not checked. Run Bulwark as an administrator to check it.',
  unknownTooLarge:
    "{path} is larger than 1 MiB, far more than any torrc, so Bulwark did not read it and this Tor configuration is not checked. Make sure tor's -f option or the %include names the right file.",
  unknownLoop:
    '{path} is a symbolic link that leads back to itself, so neither Bulwark nor tor can read it. Point the link at the real torrc.',
  unknownUnreadableOther:
    'Bulwark could not read {path} ({code}), so this Tor configuration is not checked. Check that the file and its disk are healthy (try: cat {path}), then scan again.',
  unknownNotRegular:
    '{path} is not a regular file (a pipe, socket or device): tor read its settings from it once when it started, and nothing can read them back. Keep the settings in a regular torrc file and start tor with -f pointing to it.',
  unknownRelative:
    '{path} is a relative path (in {from}); tor resolves it from the folder it was started in, which Bulwark cannot see here, so this Tor configuration is not fully checked. Write the full path instead.',
  unknownNotText: '{path} is not a text file (it holds binary data), so Bulwark cannot check it as a torrc.',
  unknownNotRead:
    'A torrc includes {path}, which Bulwark did not read (a pattern it does not expand, or too many files), so this Tor configuration is not fully checked. Open the included files and check their SocksPort and ControlPort lines.',
  warnRefused:
    'Tor refuses to start with this configuration: {path} cannot be read as tor reads it (see the evidence). Fix it, then check with: tor --verify-config -f {root}',
  pass: "Tor's configuration keeps its ports on this computer and protects its control port ({files} files read).",
  evRead: 'torrc read',
  evDefaults: 'Defaults torrc',
  evOpenSocks: 'SocksPort on a network address',
  evNoAuth: 'ControlPort without authentication',
  evExposed: 'ControlPort on a network address',
  evAuth: 'Control port authentication',
  evUnreadable: 'Could not read',
  evCycle: '%include loop (tor refuses to start)',
  evTooDeep: '%include nested too deep (tor refuses to start)',
  evTooMany: 'Too many included files; the rest were not read',
  evNotText: 'Not a text file',
  evSyntax: 'Syntax error (tor refuses to start)',
  evRelative: "Relative path, read from tor's working directory",
  evRelativeUnresolved: "Relative path (tor's working directory not known)",
  evMissingInclude: 'Included file tor cannot read (tor refuses to start)',
  evEmpty: 'Empty configuration',
  evNotRegular: 'Not a regular file',
  evGlob: '%include pattern Bulwark does not expand',
  obsAuth: 'CookieAuthentication {cookie}; HashedControlPassword {hashed}',
  obsSet: '(set)',
  obsNotSet: '(not set)',
  obsSettings: '{count} settings',
  obsIncludedFrom: 'included again from {path}',
  obsTooDeep: 'nested more than {max} levels deep',
  obsNulBytes: 'contains NUL bytes',
  obsNotExpanded: 'not expanded',
  obsNullDevice: 'the null device: no settings',
  obsFolderRoot: 'a folder: tor reads no settings from it',
  obsMissingDefaults: 'not there: tor uses its built-in defaults',
  obsNotRegularDefaults: 'not a regular file: tor ignores it',
  obsNotRegular: 'pipe, socket or device: not read',
  obsUnterminatedQuote: 'quoted value not closed',
  obsBadEscape: 'invalid escape in quoted value',
  obsJunkAfterQuote: 'text after the closing quote',
  expectSocks: 'SocksPort 127.0.0.1:9050',
  expectControl: 'ControlPort 127.0.0.1:9051',
  expectAuth: 'CookieAuthentication 1 or HashedControlPassword',
  stepEdit: 'Open the torrc named in the evidence as an administrator.',
  stepSettings:
    'Set "SocksPort 127.0.0.1:9050" and "CookieAuthentication 1". Keep a ControlPort only if an app needs it, as "ControlPort 127.0.0.1:9051". Remove any SocksPort or ControlPort on 0.0.0.0 or a network address.',
  stepReloadLinux: 'Reload Tor so it reads the change.',
  stepReloadMac: 'Restart Tor so it reads the change.',
  stepWindows: 'Close Tor Browser, open its torrc (named in the evidence) in Notepad, fix the lines, save, and start Tor Browser again.',
})

/** The words of the control-port authentication fix. */
export const fixText = defineMessages('tor.config.fix', {
  title: 'Make the control port of the tor that reads {path} ask for its cookie (CookieAuthentication 1)',
  protects:
    'Programs on this computer, and web pages that reach 127.0.0.1, can no longer control tor (read the sites you visit, change your circuits, turn Tor off) without the cookie file only tor’s own user can read.',
  mayBreakControllers:
    'Programs that talk to the control port (nyx, OnionShare, a bridge or relay controller) must be able to read tor’s cookie file, usually by running as the same user or in its group.',
  mayBreakRestart: 'tor reads the change when it next starts: restart it yourself, or it keeps the open control port until then.',
  torrcGone: '{path} is no longer there, so Bulwark does not create it.',
  torrcDamaged:
    'tor would not read the new line at the end of {path} (the file ends inside a quote or a continued line), so Bulwark does not change it.',
})
