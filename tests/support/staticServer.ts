// Tests serve built pages with the same static server `npm run web` uses.
export { serveStatic, type RunningStaticServer, type StaticServerOptions } from '../../scripts/lib/staticServer';
