import { describe, expect, it } from 'vitest';
import { matterMatchRank, matterSearchKey } from './matterSearch';

const MODEL = matterSearchKey({ code: 'PX-MF', name: '劳动模范、道德模范评选' });
const FOOD = matterSearchKey({ code: 'XK-SPJY', name: '食品经营许可' });

describe('matter search', () => {
  it('finds a matter by the words of its name with words left out', () => {
    expect(matterMatchRank(MODEL, '劳动模范评选')).not.toBeNull();
    expect(matterMatchRank(MODEL, '道德模范')).not.toBeNull();
    expect(matterMatchRank(MODEL, '劳动 评选')).not.toBeNull();
    expect(matterMatchRank(FOOD, '劳动模范评选')).toBeNull();
  });

  it('finds a matter by the pinyin initials of its name', () => {
    expect(matterMatchRank(MODEL, 'ldmf')).not.toBeNull();
    expect(matterMatchRank(MODEL, 'LDMFPX')).not.toBeNull();
    expect(matterMatchRank(FOOD, 'spjy')).not.toBeNull();
    expect(matterMatchRank(FOOD, 'LDMF')).toBeNull();
  });

  it('puts the matter whose code was typed before names that only contain its letters', () => {
    const code = matterMatchRank(MODEL, 'PX-MF');
    const other = matterMatchRank(matterSearchKey({ code: 'ZZ-01', name: '培训项目模范' }), 'PX-MF');
    expect(code).toBe(0);
    expect(other === null || other > (code ?? 0)).toBe(true);
  });

  it('does not match characters out of order or missing from the name', () => {
    expect(matterMatchRank(MODEL, '评选劳动')).toBeNull();
    expect(matterMatchRank(MODEL, '不存在的事项')).toBeNull();
  });
});
