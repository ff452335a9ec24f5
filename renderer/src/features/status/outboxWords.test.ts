import { describe, expect, it } from 'vitest';
import { outboxWords } from './outboxWords';

describe('outboxWords', () => {
  it('names each kind waiting, in the order they arise at the counter', () => {
    expect(outboxWords({ outboxDepth: 4, outboxKinds: { audit: 2, feedback: 1, check: 1 } })).toBe(
      '1 条核查记录、1 条措施反馈、2 条审计记录',
    );
  });

  it('says nothing when nothing waits', () => {
    expect(outboxWords({ outboxDepth: 0, outboxKinds: {} })).toBeNull();
  });

  it('does not show a breakdown that no longer adds up to the depth (a push is under way)', () => {
    expect(outboxWords({ outboxDepth: 2, outboxKinds: { check: 1, audit: 3 } })).toBeNull();
  });
});
