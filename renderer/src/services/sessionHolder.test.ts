import { describe, expect, it } from 'vitest';
import { SessionHolder } from './sessionHolder';

const operator = { id: 'c001', name: '王晓燕', roles: ['clerk' as const], department: '市民中心' };

describe('SessionHolder', () => {
  it('a platform token past its expiry is dropped and the session shows offline (so 联网登录 is offered)', () => {
    let clock = new Date('2026-11-27T08:00:00Z');
    const holder = new SessionHolder(() => clock);
    holder.start(operator, 'online', 'tok', '2026-11-27T16:00:00Z');
    expect(holder.platformToken()).toBe('tok');
    expect(holder.current()?.mode).toBe('online');
    clock = new Date('2026-11-27T16:00:00Z');
    expect(holder.platformToken()).toBeNull();
    expect(holder.current()).toMatchObject({ mode: 'offline', operator: { id: 'c001' } });
  });

  it('locking hides the session but keeps its operator for the unlock', () => {
    const holder = new SessionHolder(() => new Date('2026-11-27T08:00:00Z'));
    holder.start(operator, 'online', 'tok', null);
    holder.lock();
    expect(holder.current()).toBeNull();
    expect(holder.operator()?.id).toBe('c001');
    expect(holder.platformToken()).toBe('tok');
  });
});
