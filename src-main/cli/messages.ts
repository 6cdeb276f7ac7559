import { defineMessages } from '../../checks/core/i18n/message.js'

/** Words only the CLI says: usage, its errors, its own lines. A report's words are in checks/core/report/messages.ts. */
export const t = defineMessages('cli', {
  usage: `Usage: bulwark <command> [options]

Commands:
  scan      Run the checks and print the results
  report    Run the checks and write a report to share or keep
  list      List every check
  history   List the scans saved with --save
  forget    Delete every scan and file the command line saved
  fleet     Merge many machines' JSON reports into one fleet report
  help      Show this help

Options for scan and report:
  --only id,id      Run only these checks (repeat it to add more)
  --timeout ms      Per-check timeout in milliseconds (default 5000)
  --profile name    Weigh results for a threat profile: everyday, it-baseline, high-risk
  --save            Keep this scan in Bulwark's history (nothing is kept otherwise)
  --save-sqlite f   Add this scan to a results database osquery reads (keeps the last 30 scans)

Options for scan, list and history:
  --json            Print JSON (scan: the report contract)

Options for report:
  -o, --out file    Write to this file; its extension picks the format (.html, .md, .json, .txt, .jsonl)
  --format f        html, md, json, text, jsonl, intune or jamf (default: from --out; text on a terminal, else html)
  --redact          Remove user names, host names, addresses, serial numbers and home folders
  --fail-on fail    Exit 1 when a check failed, as scan does (otherwise 0 once the report is written)

Options for fleet (bulwark fleet <reports or folders…>):
  -o, --out file    Write to this file: .html, .md, .json or .csv (default: Markdown on the screen)
  --stale-days n    A scan older than this many days counts as not recent (default 7)
  --redact          Replace machine names and remove user names, addresses and home folders

Options for every command:
  --lang code       Language: en, es, zh-CN, fa (default: from the system)
  -h, --help        Show this help
  -v, --version     Print the version

Exit codes: 0 no check failed (report: the report was written), 1 at least one check failed, 2 usage error.`,
  unknownCommand: "Unknown command '{value}'. Run 'bulwark help' to see the commands.",
  unknownOption: "Unknown option '{option}'. Run 'bulwark help' to see the options.",
  missingValue: 'The option {option} needs a value. If the value starts with a dash, write it as {option}=value.',
  takesNoValue: "The option {option} takes no value. Write it alone, without '='.",
  unexpectedArgument: "Unexpected argument '{value}'. Give one command, then options. Run 'bulwark help' to see them.",
  unknownCheck: "Unknown check id '{value}'. Valid ids: {valid}",
  badTimeout: "Invalid --timeout '{value}': give a whole number of milliseconds from 100 to 600000.",
  badLang: "Unsupported --lang '{value}'. Choose one of: {valid}",
  badProfile: "Unknown --profile '{value}'. Choose one of: {valid}",
  badFormat: "Unknown --format '{value}'. Choose one of: {valid}",
  badFailOn: "Unknown --fail-on '{value}'. Choose one of: {valid}",
  formatMismatch: '--format {format} does not match the name {out}, which asks for {implied}. Give one of them, or make them agree.',
  unknownExtension: 'Cannot tell the format from the name {out}. End it with one of {valid}, or give --format.',
  conflictingOptions: 'The options {option} and {other} contradict each other: give only one.',
  htmlToTerminal: 'An HTML report is not for reading in a terminal. Give a file with --out, for example --out report.html.',
  reportHint: 'To keep this report, write it to a file: --out report.html (or .md, .json, .txt).',
  notForCommand: "The option {option} does not apply to '{command}'. Run 'bulwark help' to see the options.",
  wrote: 'Report written to {path}',
  cannotWrite: 'Could not write the report to {path}: {reason}',
  noFolder: 'the folder {folder} does not exist',
  notAFolder: '{folder} is not a folder',
  folderNotWritable: 'you are not allowed to create files in {folder}',
  readOnly: '{folder} is on a read-only disk',
  diskFull: 'the disk is full',
  refusedDestination: 'Did not write the report to {path}: it is {what}. Bulwark writes reports only to a regular file or a new name.',
  isSymlink: 'a symbolic link, which could lead anywhere',
  isDirectory: 'a folder',
  isFifo: 'a named pipe',
  isDevice: 'a device',
  isSocket: 'a socket',
  outputFailed: 'Could not write the output: {reason}',
  listHeading: 'Checks ({count})',
  crashed: 'Bulwark could not finish: {message}',
  stopped: 'Stopped by {signal} before the end: nothing of this scan was saved.',
  historyHeading: 'Saved scans ({count}), newest first, in {path}:',
  historyLine: '{date}  {platform} {release}  {fail} failed, {warn} warnings, {pass} passed  ·  {score}',
  historyEmpty: "No saved scans. Bulwark keeps a scan only when you add --save, for example 'bulwark scan --save'.",
  historyForgetHint: "To delete them all: 'bulwark forget'.",
  forgotHistory: 'Deleted {path} (saved scans: {count}).',
  forgotFile: 'Deleted {path}.',
  forgetFailed: 'Could not delete {path}: {reason}',
  forgotNothing: 'Nothing to delete: the command line has saved nothing in {folder}.',
  appDataKept: "The app's own data ({path}) was left alone: delete it with Forget everything in the app's History.",
})
