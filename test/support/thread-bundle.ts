import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { build } from 'esbuild'

/**
 * Bundles a test's worker-thread entry (its checks built in) into `outDir`, as the app's build does for the real
 * threads, and returns the URL a supervisor starts. Packages stay external: they load from node_modules.
 */
export async function bundleThread(entryPoint: string, outDir: string): Promise<URL> {
  const outfile = path.join(outDir, 'thread.js')
  await build({
    entryPoints: [entryPoint],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'error',
  })
  return pathToFileURL(outfile)
}
