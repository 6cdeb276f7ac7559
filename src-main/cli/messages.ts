import { defineMessages } from '../../checks/core/i18n/message.js'

/** Words only the CLI says: usage, its errors, its own lines. A report's words are in checks/core/report/messages.ts. */
export const t = defineMessages('cli', {
  usage: `Usage: bulwark <command> [options]

Commands:
  scan      Run the checks and print the results
  report    Run the checks and write a report to share or keep
  list      List every check
  help      Show this help

Options for scan and report:
  --only id,id      Run only these checks
  --timeout ms      Per-check timeout in milliseconds (default 5000)
  --profile name    Weigh results for a threat profile: everyday, it-baseline, high-risk
  --no-history      Keep no record of this scan (by default it is added to Bulwark's history)

Options for scan and list:
  --json            Print JSON (scan: the report contract)

Options for report:
  --format f        html (default, one self-contained file), md or json
  --redact          Remove user names, host names, addresses, serial numbers and home folders
  -o, --out file    Write to this file instead of the terminal

Options for every command:
  --lang code       Language: en, es, zh-CN, fa (default: from the system)
  -h, --help        Show this help
  -v, --version     Print the version

Exit codes: 0 no check failed, 1 at least one check failed, 2 usage error.`,
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
  notForCommand: "The option {option} does not apply to '{command}'. Run 'bulwark help' to see the options.",
  wrote: 'Report written to {path}',
  cannotWrite: 'Could not write the report to {path}: {reason}',
  refusedDestination: 'Did not write the report to {path}: it is {what}. Bulwark writes reports only to a regular file or a new name.',
  isSymlink: 'a symbolic link, which could lead anywhere',
  isDirectory: 'a folder',
  isFifo: 'a named pipe',
  isDevice: 'a device',
  isSocket: 'a socket',
  outputFailed: 'Could not write the output: {reason}',
  listHeading: 'Checks ({count})',
  crashed: 'Bulwark could not finish: {message}',
  interrupted: 'Stopped by {signal} before the end: this scan is not kept in the history.',
})
