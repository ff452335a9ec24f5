/**
 * Electronegativity scan of the Electron shell (npm test runs it): fails on any HIGH severity
 * finding in electron/ and prints every finding. Test files are not shipped and are left out.
 *
 * Electronegativity fetches translations and Electron's release list from the internet; our build
 * machines cannot, so its HTTP client is replaced by one that fails at once (the tool tolerates that).
 */
import { createRequire } from 'node:module';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

interface Issue {
  id: string;
  file: string;
  location: { line: number; column: number };
  description: string;
  severity: { name: string; value: number };
  confidence: { name: string; value: number };
  manualReview: boolean;
}
interface ScanResult {
  issues: Issue[];
  errors: { file: string; message: string; tolerable: boolean }[];
  globalChecks: number;
  atomicChecks: number;
}

const root = fileURLToPath(new URL('..', import.meta.url));
const input = resolve(root, 'electron');
const require = createRequire(import.meta.url);
const toolRequire = createRequire(require.resolve('@doyensec/electronegativity/package.json'));

const offline = () => Promise.reject(new Error('offline: network access disabled for the scan'));
const gotPath = toolRequire.resolve('got');
require.cache[gotPath] = {
  id: gotPath,
  filename: gotPath,
  loaded: true,
  exports: Object.assign(offline, { head: offline, default: offline }),
} as unknown as NodeJS.Module;

const electronVersion = (require('electron/package.json') as { version: string }).version;
const run = require('@doyensec/electronegativity') as (options: Record<string, unknown>, forCli?: boolean) => Promise<ScanResult>;

const silenced = console.log;
console.log = () => undefined; // the tool's own progress chatter
let result: ScanResult;
try {
  result = await run({ input, electronVersionOverride: electronVersion, isRelative: false });
} finally {
  console.log = silenced;
}

const shipped = result.issues.filter((issue) => !/\.test\.ts$/.test(issue.file));
const high = shipped.filter((issue) => issue.severity.name === 'HIGH');
console.log(
  `Electronegativity ${result.atomicChecks} atomic + ${result.globalChecks} global checks over ${relative(root, input)}/ (Electron ${electronVersion})`,
);
for (const error of result.errors)
  console.log(`  parse ${error.tolerable ? 'warning' : 'ERROR'}: ${relative(root, error.file)}: ${error.message}`);
for (const issue of shipped) {
  const where = issue.file === 'N/A' ? 'N/A' : `${relative(root, issue.file)}:${issue.location.line}:${issue.location.column}`;
  console.log(
    `  [${issue.severity.name}/${issue.confidence.name}] ${issue.id} ${where}${issue.manualReview ? ' (review)' : ''}\n      ${issue.description}`,
  );
}
const fatalErrors = result.errors.filter((error) => !error.tolerable && !/\.test\.ts$/.test(error.file));
if (high.length > 0 || fatalErrors.length > 0) {
  console.error(`Electronegativity: ${high.length} HIGH finding(s), ${fatalErrors.length} file(s) not parsed — failing.`);
  process.exit(1);
}
console.log(`Electronegativity: no HIGH findings (${shipped.length} lower-severity finding(s) listed above).`);
