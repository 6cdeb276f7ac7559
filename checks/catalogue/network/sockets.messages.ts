import { defineMessages } from '../../core/i18n/message.js'

/** The words of the socket tables every check that asks "what listens here" reads (sockets.io.ts and its per-OS readers). */
export const t = defineMessages('network.sockets', {
  evTable: 'Socket table',
  evOwners: 'Programs owning the sockets',
  evAccount: 'Account that ran the listing',
  obsListening: '{count} listening or bound',
  obsAbsent: 'absent (IPv6 is off)',
  obsOwners: '{count} sockets with a program',
  tableUnread: 'Bulwark could not read the socket table {source}: {reason}',
  tableMalformed: 'The socket table {source} did not look like one ({problem}). Run `ss -tulpn` to see what listens.',
  ownersHidden:
    'Bulwark could not see which program owns {count} of these sockets: ss names only the programs this account may see (without root, only its own; even as root, not those of another container). Run `sudo ss -tulpn` to see them.',
  ownersUnread: 'Bulwark could not read which programs own the sockets ({reason}). Run `sudo ss -tulpn` to see them.',
  partialUser:
    'lsof run without administrator rights lists only the sockets of this account’s own programs, so services the system runs may be missing. Run `sudo lsof -nP -iTCP -sTCP:LISTEN` and `sudo lsof -nP -iUDP` to see all of them.',
  badHeader: 'the first line is not the table’s header',
  badRow: 'line {line} is not a socket row',
  tooManyLines: 'more than {count} lines',
  badLsofField: 'line {line} is not an lsof field',
  badPid: 'line {line} holds no process id',
  noProcess: 'no process (p) field',
  notSsLine: 'line {line} is not a socket line',
  emptyOutput: 'it printed nothing',
  notJson: 'it is not JSON',
  badJson: 'it is not the object of sockets Bulwark asked for',
  ownersHiddenMac: 'Bulwark could not see which program owns {count} of these sockets. Run `sudo lsof -nP -iTCP -sTCP:LISTEN` to see them.',
})
