/**
 * `npm run sign-update` — the release manager signs update files with the release's Ed25519 key, which
 * is kept outside the repository (an offline USB key, a vault). Writes `<file>.sig` beside each file; the
 * app checks it before installing an update (electron/main/lib/updateGate.ts).
 *
 *   npm run sign-update -- --key <private-key.pem> [--version 0.2.0] <file> [<file> …]
 *   npm run sign-update -- --generate-key <folder outside the repository>
 *   npm run sign-update -- --verify [--public-key <public.pem>] [--version 0.2.0] <file> [<file> …]
 *
 * --verify checks files and their .sig as the app will, with the built-in key unless one is given.
 */
import { generateKeyPairSync, createPrivateKey, createPublicKey } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { sha512Base64, signUpdate, verifyUpdate } from '../electron/main/lib/updateSignature';
import { UPDATE_SIGNING_PUBLIC_KEY } from '../electron/main/lib/updateSigningKey';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
const KEY_FILE_NAME = 'credit-counter-update-signing.pem';

function fail(message: string): never {
  console.error(`sign-update: ${message}`);
  process.exit(1);
}

/** The nearest existing ancestor, resolved, so a key path through a symlink into the repository is caught too. */
function realLocation(path: string): string {
  let current = resolve(path);
  const rest: string[] = [];
  while (!existsSync(current)) {
    rest.unshift(basename(current));
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
  }
  return join(realpathSync(current), ...rest);
}

function insideRepository(path: string): boolean {
  const inside = relative(realpathSync(REPO_ROOT), realLocation(path));
  return inside !== '..' && !inside.startsWith(`..${sep}`) && !isAbsolute(inside);
}

function publicKeyOf(privateKeyPem: string): string {
  return createPublicKey(createPrivateKey(privateKeyPem)).export({ type: 'spki', format: 'pem' }).toString();
}

function sameKey(a: string, b: string): boolean {
  const der = (pem: string) => createPublicKey(pem).export({ type: 'spki', format: 'der' }).toString('base64');
  return der(a) === der(b);
}

function generateKey(folder: string): void {
  if (insideRepository(folder)) fail(`the private key must not be kept in the repository (${folder}); choose a folder outside it`);
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const path = join(folder, KEY_FILE_NAME);
  if (existsSync(path)) fail(`${path} already exists; not overwritten`);
  const { privateKey } = generateKeyPairSync('ed25519');
  const privatePem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  writeFileSync(path, privatePem, { mode: 0o600, flag: 'wx' });
  console.log(`Private key written to ${path} (readable by you only). Keep it offline; never commit it.`);
  console.log('Put this public key into electron/main/lib/updateSigningKey.ts (UPDATE_SIGNING_PUBLIC_KEY) and commit that:');
  console.log(publicKeyOf(privatePem));
}

function signFiles(keyPath: string, version: string, files: string[]): void {
  if (insideRepository(keyPath)) fail(`refusing a private key inside the repository (${keyPath})`);
  if (files.length === 0) fail('name at least one update file to sign');
  const privatePem = readFileSync(keyPath, 'utf8');
  const publicPem = publicKeyOf(privatePem);
  if (UPDATE_SIGNING_PUBLIC_KEY === null) {
    console.warn('warning: this source has no built-in update signing key (updateSigningKey.ts), so its builds never update themselves.');
  } else if (!sameKey(UPDATE_SIGNING_PUBLIC_KEY, publicPem)) {
    fail('this private key does not match the public key built into the app (updateSigningKey.ts): the app would refuse these signatures');
  }
  for (const file of files) {
    const bytes = readFileSync(file);
    const signature = signUpdate(bytes, { file: basename(file), version }, privatePem);
    const check = verifyUpdate(sha512Base64(bytes), JSON.stringify(signature), { file: basename(file), version }, publicPem);
    if (!check.ok) fail(`the fresh signature of ${file} does not verify: ${check.reason}`);
    writeFileSync(`${file}.sig`, `${JSON.stringify(signature, null, 2)}\n`);
    console.log(`signed ${basename(file)} (version ${version}) -> ${basename(file)}.sig`);
  }
}

function verifyFiles(publicKeyPath: string | undefined, version: string, files: string[]): void {
  const publicPem = publicKeyPath === undefined ? UPDATE_SIGNING_PUBLIC_KEY : readFileSync(publicKeyPath, 'utf8');
  if (publicPem === null) fail('no public key: this source has none built in (updateSigningKey.ts); pass --public-key');
  if (files.length === 0) fail('name at least one update file to verify');
  let failed = false;
  for (const file of files) {
    const signature = existsSync(`${file}.sig`) ? readFileSync(`${file}.sig`, 'utf8') : '';
    const check = verifyUpdate(sha512Base64(readFileSync(file)), signature, { file: basename(file), version }, publicPem);
    console.log(`${basename(file)}: ${check.ok ? 'signature valid' : `REFUSED — ${check.reason}`}`);
    failed ||= !check.ok;
  }
  if (failed) process.exit(1);
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    key: { type: 'string' },
    version: { type: 'string' },
    'generate-key': { type: 'string' },
    verify: { type: 'boolean' },
    'public-key': { type: 'string' },
  },
});
const version = values.version ?? (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

if (values['generate-key'] !== undefined) {
  generateKey(values['generate-key']);
} else if (values.verify) {
  verifyFiles(values['public-key'], version, positionals);
} else if (values.key !== undefined) {
  signFiles(values.key, version, positionals);
} else {
  fail('usage: npm run sign-update -- --key <private-key.pem> [--version x.y.z] <file>…  |  --generate-key <folder>  |  --verify <file>…');
}
