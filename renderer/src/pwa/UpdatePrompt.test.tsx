import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ServiceWorkerUpdates } from './registerServiceWorker';
import { UpdatePrompt } from './UpdatePrompt';

const store = (available: boolean): ServiceWorkerUpdates => ({
  subscribe: () => () => undefined,
  getSnapshot: () => available,
  applyUpdate: () => undefined,
});

describe('UpdatePrompt', () => {
  it('renders nothing while no update waits', () => {
    expect(renderToStaticMarkup(<UpdatePrompt updates={store(false)} />)).toBe('');
  });
});

describe('UpdatePrompt with a waiting version', () => {
  it('says so in Chinese and offers 重新加载', () => {
    const html = renderToStaticMarkup(<UpdatePrompt updates={store(true)} />);
    expect(html).toContain('有新版本可用');
    expect(html).toContain('重新加载');
  });
});
