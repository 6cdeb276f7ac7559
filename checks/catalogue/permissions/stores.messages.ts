import { defineMessages } from '../../core/i18n/message.js'

/** Why a permission store (a SQLite database, its -wal, a Flatpak keyfile) could not be read. */
export const storeText = defineMessages('permissions.store', {
  empty: 'the file is empty',
  notSqlite: 'not a SQLite database (wrong header)',
  truncated: 'the file is truncated ({bytes} bytes, shorter than the SQLite header)',
  damaged: 'SQLite reports that the database is damaged',
  sqliteFailed: 'SQLite could not read it',
  walPageSize: "the -wal page size ({wal}) differs from the database's ({db})",
  walTooBig: 'the -wal claims a database of {pages} pages, more than the database and -wal hold',
  noAccessTable: 'it has no "access" table, so it is not a TCC database Bulwark knows',
  accessLayout: 'its "access" table has an unknown layout (columns: {columns})',
  noPermsTable: 'it has no "moz_perms" table',
  permsLayout: 'its "moz_perms" table has an unknown layout (missing {columns})',
  keyfileBinary: 'it contains binary data',
  keyfileBadLine: 'line {line} is not a group, a key=value pair or a comment',
  keyfileKeyFirst: 'line {line} has a key before any [group]',
})
