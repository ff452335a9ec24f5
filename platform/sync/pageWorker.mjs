// Worker entry: the platform runs from TypeScript sources (tsx, vitest, Playwright), and a worker
// thread does not inherit its host's loader — so register tsx here, then load the worker module.
import { register } from 'tsx/esm/api';

register();
await import('./pageWorker.ts');
