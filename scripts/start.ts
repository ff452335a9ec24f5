// `npm start`: the desktop app on the demo platform where an Electron binary exists; otherwise the web build.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { APP_ORIGIN } from '../electron/main/lib/appOrigin';
import { closeOnSignal, parseDemoArgs, REPO_ROOT, startDemoPlatform, startWebDemo } from './lib/demo';

function electronBinary(): string | null {
  const electronDir = join(REPO_ROOT, 'node_modules/electron');
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

const options = parseDemoArgs(process.argv.slice(2));
const binary = electronBinary();
if (binary) {
  const build = spawnSync('npx', ['electron-vite', 'build'], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  // The desktop app's pages come from app://credit-counter: the only origin this platform allows.
  const platform = await startDemoPlatform(options, [APP_ORIGIN]);
  const app = spawn(binary, [REPO_ROOT, `--platform-url=${platform.url}`], { cwd: REPO_ROOT, stdio: 'inherit' });
  app.on('exit', (code) => void platform.close().then(() => process.exit(code ?? 0)));
  closeOnSignal(platform);
} else {
  console.log('本机没有 Electron 可执行文件（构建机无法下载），改为启动网页版 / No Electron binary here: serving the web build instead.');
  const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  const { web, platform } = await startWebDemo(options);
  console.log(`在 Chromium 中打开 ${web.url}`);
  closeOnSignal(web, platform);
}
