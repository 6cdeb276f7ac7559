import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'

/** The test script builds first; this covers a bare `npx playwright test` on a fresh checkout. */
export default function globalSetup(): void {
  if (existsSync('out/renderer/index.html')) return
  execFileSync('npx', ['electron-vite', 'build'], { stdio: 'inherit' })
}
