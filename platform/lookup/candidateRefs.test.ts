import { describe, expect, it } from 'vitest';
import { CandidateRefs, REF_TTL_MS } from './candidateRefs';

describe('CandidateRefs', () => {
  it('resolves a ref only for the terminal it was issued to, until it expires', () => {
    let now = 1_000_000;
    const refs = new CandidateRefs(() => new Date(now));
    const ref = refs.issue('370602198001011237', 'T1');
    expect(refs.resolve(ref, 'T1')).toBe('370602198001011237');
    expect(refs.resolve(ref, 'T2')).toBeNull();
    now += REF_TTL_MS;
    expect(refs.resolve(ref, 'T1')).toBeNull();
  });

  it('drops expired refs as new ones are issued, so the map holds only the last ten minutes', () => {
    let now = 0;
    const refs = new CandidateRefs(() => new Date(now));
    for (let i = 0; i < 1_000; i++) {
      refs.issue(`ID${i}`, 'T1');
      now += 1_000; // one search a second
    }
    // Refs older than the TTL are gone: 600 seconds' worth remain (plus the one just issued).
    expect(refs.size).toBeLessThanOrEqual(REF_TTL_MS / 1_000 + 1);
  });

  it('keeps at most maxRefs: a flood of searches evicts the oldest ref, newer ones still resolve', () => {
    const refs = new CandidateRefs(() => new Date(0), 100);
    const issued = Array.from({ length: 250 }, (_, i) => refs.issue(`ID${i}`, 'T1'));
    expect(refs.size).toBe(100);
    expect(refs.resolve(issued[0]!, 'T1')).toBeNull();
    expect(refs.resolve(issued[249]!, 'T1')).toBe('ID249');
    expect(refs.resolve(issued[150]!, 'T1')).toBe('ID150');
  });
});
