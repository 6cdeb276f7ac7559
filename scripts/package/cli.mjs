// npm run package:cli: the standalone `bulwark` executable for the platform this runs on (Node's single
// executable applications: this Node binary with the CLI, its scan thread and sql.js's WASM inside, so the
// target needs neither Node nor node_modules), plus an archive (.tar.gz, .zip on Windows) and its SHA-256.
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { basename, join, resolve } from 'node:path'
import { build as esbuild } from 'esbuild'

const require = createRequire(import.meta.url)
const root = resolve(import.meta.dirname, '../..')
const out = resolve(root, process.env.BULWARK_STANDALONE_DIR ?? 'out/standalone')
const work = join(out, 'build')
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
const platform = process.platform
const exe = join(out, platform === 'win32' ? 'bulwark.exe' : 'bulwark')

/**
 * One self-contained CommonJS file (what Node's single executable applications run), dependencies inside.
 * esbuild rather than Rollup: Rollup's CommonJS conversion rewrites sql.js's `typeof module` test to a
 * constant and the WASM loader then throws; esbuild keeps each CommonJS module's own `module`.
 */
async function bundle(entry, file) {
  await esbuild({
    absWorkingDir: root,
    entryPoints: [entry],
    outfile: join(work, file),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'warning',
    // CommonJS has no import.meta: the few modules that resolve files from their own URL get the bundle's.
    define: { 'import.meta.url': '__bulwarkModuleUrl' },
    banner: { js: "const __bulwarkModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
  })
  return join(work, file)
}

rmSync(out, { recursive: true, force: true })
mkdirSync(work, { recursive: true })
const main = await bundle('src-main/cli/standalone.ts', 'bulwark.cjs')
const thread = await bundle('src-main/node/scan-worker/entry.ts', 'scan-worker.cjs')
writeFileSync(join(work, 'version'), version)

const blob = join(work, 'bulwark.blob')
writeFileSync(
  join(work, 'sea-config.json'),
  JSON.stringify({
    main,
    output: blob,
    disableExperimentalSEAWarning: true,
    // A V8 code cache made here: the executable skips compiling its 1 MB bundle at every start.
    useCodeCache: true,
    assets: {
      'scan-worker.js': thread,
      'sql-wasm.wasm': require.resolve('sql.js/dist/sql-wasm.wasm'),
      version: join(work, 'version'),
    },
  }),
)
execFileSync(process.execPath, ['--experimental-sea-config', join(work, 'sea-config.json')], { stdio: 'inherit' })

copyFileSync(process.execPath, exe)
if (platform === 'darwin') execFileSync('codesign', ['--remove-signature', exe])
const { inject } = require('postject')
await inject(exe, 'NODE_SEA_BLOB', readFileSync(blob), {
  // Node's documented fuse for single executable applications (nodejs.org/api/single-executable-applications.html).
  sentinelFuse: 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2',
  ...(platform === 'darwin' ? { machoSegmentName: 'NODE_SEA' } : {}),
})
// macOS refuses to run an unsigned arm64 binary; an ad-hoc signature is enough to run it (not to distribute it).
if (platform === 'darwin') execFileSync('codesign', ['--sign', '-', exe])

const archive = join(out, `bulwark-${version}-${platform}-${process.arch}${platform === 'win32' ? '.zip' : '.tar.gz'}`)
// bsdtar (Windows 10+ and macOS) writes .zip with -a; GNU and bsd tar both write .tar.gz with -z.
const tarArgs = platform === 'win32' ? ['-a', '-cf', archive, basename(exe)] : ['-czf', archive, basename(exe)]
execFileSync('tar', tarArgs, { cwd: out })
const digest = createHash('sha256').update(readFileSync(archive)).digest('hex')
// The format `sha256sum -c` and `shasum -a 256 -c` read.
writeFileSync(`${archive}.sha256`, `${digest}  ${basename(archive)}\n`)
rmSync(work, { recursive: true, force: true })
process.stdout.write(`${exe}\n${archive}\n${archive}.sha256\n`)
