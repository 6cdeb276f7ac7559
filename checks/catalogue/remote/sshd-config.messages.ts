import { defineMessages } from '../../core/i18n/message.js'

// Why sshd's settings or launchd's list could not be read (the detail inside remote.access.badConfig,
// remote.access.badOutput and toolkit.badOutput): the parsers' own reasons, so they are translated too.
export const p = defineMessages('remote.parse', {
  nul: 'it holds a NUL byte',
  tooManyLines: 'more than {count} lines',
  quote: 'line {line} has an unterminated quote',
  noKeyword: 'line {line} has no keyword',
  badValue: '{setting} at {file} is a value sshd refuses',
  badPort: 'Port {value} at {file} is no port number',
  badListen: 'ListenAddress {value} at {file} is no address sshd takes',
  notKeywordLine: 'a line is no keyword and value: {line}',
  missing: 'it has no {setting} line',
  notSshdT: 'it has no port line, so it is no sshd -T output',
  noDisabledList: 'it has no list of disabled services',
  openList: 'the list of disabled services does not end',
})
