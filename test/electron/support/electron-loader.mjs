// Module resolve hook: `electron` resolves to the fake (ESM named imports cannot be served from require.cache).
const fake = new URL('./fake-electron.mjs', import.meta.url).href

export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'electron') return { url: fake, shortCircuit: true }
  return nextResolve(specifier, context)
}
