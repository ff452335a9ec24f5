import { describe, expect, it } from 'vitest';
import { createInitialsCache, initialsQueryKey, isInitialsQuery, normaliseName, pinyinInitials } from '.';

describe('name keys', () => {
  it('folds spaces and full-width letters and upper-cases Latin letters', () => {
    expect(normaliseName(' 威海 ＡＢＣ 有限公司 ')).toBe('威海ABC有限公司');
    expect(normaliseName('Li Jianjun')).toBe('LIJIANJUN');
  });

  it('gives the pinyin initials of Chinese names, keeping Latin letters and digits', () => {
    expect(pinyinInitials('李建军')).toBe('LJJ');
    expect(pinyinInitials('威海市环翠区宏达建材有限公司')).toBe('WHSHCQHDJCYXGS');
    expect(pinyinInitials('威海3D打印（集团）')).toBe('WH3DDYJT');
  });

  it('reads Latin-letter queries as initials, anything with Han or digits as a name', () => {
    expect(isInitialsQuery('ljj')).toBe(true);
    expect(isInitialsQuery('L J J')).toBe(true);
    expect(isInitialsQuery('ＬＪＪ')).toBe(true);
    expect(isInitialsQuery('李JJ')).toBe(false);
    expect(isInitialsQuery('LJ1')).toBe(false);
    expect(initialsQueryKey(' l j j ')).toBe('LJJ');
  });

  it('a cache answers like the library and forgets past its limit', () => {
    const initialsOf = createInitialsCache(2);
    for (const name of ['李建军', '王晓燕', '李建军', '张三', '欧阳修文']) expect(initialsOf(name)).toBe(pinyinInitials(name));
  });
});
