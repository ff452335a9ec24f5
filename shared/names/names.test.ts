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

  it("reads a person's surname as a surname: 曾 zēng, 单 shàn, 解 xiè, 查 zhā, 仇 qiú, 乐 yuè, 尉迟 yùchí", () => {
    const people = { 曾国藩: 'ZGF', 单雄信: 'SXX', 解晓东: 'XXD', 查良镛: 'ZLY', 仇英: 'QY', 乐嘉: 'YJ', 尉迟恭: 'YCG', 欧阳修文: 'OYXW' };
    for (const [name, initials] of Object.entries(people)) expect(pinyinInitials(name, 'person')).toBe(initials);
    // An organisation's name does not start with a surname.
    expect(pinyinInitials('重庆啤酒威海销售公司')).toBe('CQPJWHXSGS');
  });

  it('a cache computes each name once per kind, and starts over past its limit', () => {
    const computed: string[] = [];
    const initialsOf = createInitialsCache(2, (name, of) => {
      computed.push(`${of}:${name}`);
      return pinyinInitials(name, of);
    });
    expect(initialsOf('曾国藩', 'person')).toBe('ZGF');
    expect(initialsOf('曾国藩', 'person')).toBe('ZGF');
    expect(initialsOf('曾国藩')).toBe(pinyinInitials('曾国藩'));
    expect(computed).toEqual(['person:曾国藩', 'organisation:曾国藩']);
    initialsOf('王晓燕', 'person'); // a third name: the cache is cleared first
    initialsOf('曾国藩', 'person');
    expect(computed).toHaveLength(4);
  });
});
