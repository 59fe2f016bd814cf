// Benchmarks run outside Next: `server-only` (which throws outside React Server Components) resolves to an empty
// module, as tests/setup/empty.ts does for vitest, while React and react-dom/server keep their normal builds.
import { register } from 'node:module';

register(
  'data:text/javascript,' +
    encodeURIComponent(`export async function resolve(specifier, context, next) {
  if (specifier === 'server-only') return { url: 'data:text/javascript,export{}', shortCircuit: true };
  return next(specifier, context);
}`),
);
