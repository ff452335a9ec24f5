// `npm run web`: the demo platform plus the web build of the app, pointed at it.
import { closeOnSignal, parseDemoArgs, startWebDemo } from './lib/demo';

const options = parseDemoArgs(process.argv.slice(2));
const { web, platform } = await startWebDemo(options);
console.log(`在 Chromium 中打开 ${web.url} ，用上面的注册码注册终端并登录。`);
closeOnSignal(web, platform);
