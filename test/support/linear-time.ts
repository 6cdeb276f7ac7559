/**
 * Promise 4 as a test: a parser's time on input of 1, 2 and 4 units must grow no faster than the input. A fixed
 * time limit would flap on a loaded machine and still let a quadratic parser through on small input; a ratio does
 * neither. Speed targets themselves live in `npm run bench`.
 */
import { expect } from 'vitest'

function timed(run: () => unknown): number {
  const started = performance.now()
  run()
  return performance.now() - started
}

/** `make(scale)` builds the input at 1, 2 and 4 times its unit size; `run` parses it. */
export function expectLinearTime<T>(make: (scale: number) => T, run: (input: T) => unknown): void {
  const [one, two, four] = [1, 2, 4].map(make)
  timed(() => run(one as T)) // warm up the JIT so the first size is not the slowest
  const best = (input: T): number =>
    Math.min(
      timed(() => run(input)),
      timed(() => run(input)),
    )
  const t1 = best(one as T)
  best(two as T)
  const t4 = best(four as T)
  // Linear growth is ×4 from 1 to 4 units; allow noise, refuse quadratic (×16). The floor keeps tiny times from flapping.
  expect(t4).toBeLessThan(Math.max(8 * t1, 250))
}
