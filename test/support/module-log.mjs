// Preloaded (node --import) by tests that prove what a CLI run loads: appends the URL of every module the
// process loads, one a line, to the file named by BULWARK_MODULE_LOG.
import { register } from 'node:module'

const hooks = `
import { appendFileSync } from 'node:fs'
export async function load(url, context, next) {
  if (process.env.BULWARK_MODULE_LOG) appendFileSync(process.env.BULWARK_MODULE_LOG, url + '\\n')
  return next(url, context)
}`
register(`data:text/javascript,${encodeURIComponent(hooks)}`)
