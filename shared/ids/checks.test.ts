import { describe, expect, it } from 'vitest';
import { legacyForm, orgCodeCheckChar, parseId, residentIdCheckChar, upgradeLegacyResidentId, USCC_ALPHABET, usccCheckChar } from './index';

describe('USCC_ALPHABET', () => {
  it('is the 31-character GB 32100 set without I, O, S, V, Z', () => {
    expect(USCC_ALPHABET).toBe('0123456789ABCDEFGHJKLMNPQRTUWXY');
    expect(USCC_ALPHABET).toHaveLength(31);
    for (const forbidden of 'IOSVZ') expect(USCC_ALPHABET).not.toContain(forbidden);
  });
});

describe('residentIdCheckChar (GB 11643-1999)', () => {
  it('computes the standard example 11010519491231002X', () => {
    // digits  1  1  0  1  0  5  1  9  4  9  1  2  3  1  0  0  2
    // weights 7  9 10  5  8  4  2  1  6  3  7  9 10  5  8  4  2
    // S = 7+9+0+5+0+20+2+9+24+27+7+18+30+5+0+0+4 = 167; 167 mod 11 = 2; "10X98765432"[2] = X
    expect(residentIdCheckChar('11010519491231002')).toBe('X');
    const r = parseId('11010519491231002X');
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.type).toBe('RESIDENT_ID');
      expect(r.birthDate).toBe('1949-12-31');
      expect(r.regionCode).toBe('110105');
    }
  });

  it('matches independently computed check characters', () => {
    const known: Record<string, string> = {
      '37108219850712123': '8',
      '44030420000229456': '8',
      '81000020201231555': 'X',
      '12010419620430052': 'X',
      '65010219000101987': '0',
    };
    for (const [body, check] of Object.entries(known)) expect(residentIdCheckChar(body)).toBe(check);
  });

  it('throws on malformed input without echoing it', () => {
    expect(() => residentIdCheckChar('1101051949123100')).toThrow(RangeError);
    expect(() => residentIdCheckChar('1101051949123100A')).toThrow(RangeError);
    try {
      residentIdCheckChar('1101051949123100A');
    } catch (e) {
      expect(String(e)).not.toContain('1101051949123100A');
    }
  });
});

describe('usccCheckChar (GB 32100-2015)', () => {
  it('computes the standard example 91350100M000100Y43', () => {
    // chars   9  1  3  5  0  1  0  0  M  0  0  0  1  0  0  Y  4
    // values  9  1  3  5  0  1  0  0 21  0  0  0  1  0  0 30  4   (M = 21, Y = 30 in the 31-char alphabet)
    // weights 1  3  9 27 19 26 16 17 20 29 25 13  8 24 10 30 28
    // S = 9+3+27+135+0+26+0+0+420+0+0+0+8+0+0+900+112 = 1640; 1640 mod 31 = 28; (31-28) mod 31 = 3 → '3'
    expect(usccCheckChar('91350100M000100Y4')).toBe('3');
    const r = parseId('91350100M000100Y43');
    expect(r).toMatchObject({ ok: true, type: 'USCC', orgCode: 'M000100Y4', regionCode: '350100', warnings: [] });
  });

  it('uses M = 21 in the outer check but M = 22 in the embedded org-code check', () => {
    expect(USCC_ALPHABET.indexOf('M')).toBe(21);
    expect('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'.indexOf('M')).toBe(22);
    // Embedded org code M000100Y4:
    // values  22 0 0 0 1 0 0 34 ; weights 3 7 9 10 5 8 4 2
    // S = 66 + 5 + 68 = 139; 139 mod 11 = 7; 11 - 7 = 4 → '4' (matches position 17)
    expect(orgCodeCheckChar('M000100Y')).toBe('4');
    // Where the two values give different results: "M0000000"
    //   full 0-9A-Z value M = 22: S = 66; 66 mod 11 = 0; 11 - 0 = 11 → '0'   (correct, GB 11714)
    //   USCC alphabet value M = 21: S = 63; 63 mod 11 = 8; 11 - 8 = 3 → '3' (wrong)
    expect(orgCodeCheckChar('M0000000')).toBe('0');
    const good17 = '00000000' + 'M0000000' + '0';
    const good = parseId(good17 + usccCheckChar(good17));
    expect(good).toMatchObject({ ok: true, type: 'USCC', orgCode: 'M00000000', warnings: [] });
    const wrong17 = '00000000' + 'M0000000' + '3';
    const wrong = parseId(wrong17 + usccCheckChar(wrong17));
    expect(wrong.ok && wrong.warnings.map((w) => w.code)).toEqual(['ORG_CODE_CHECK_MISMATCH']);
  });

  it('accepts lowercase, throws on characters outside the alphabet or wrong length', () => {
    expect(usccCheckChar('91350100m000100y4')).toBe('3');
    expect(() => usccCheckChar('91350100O000100Y4')).toThrow(RangeError);
    expect(() => usccCheckChar('91350100M000100Y')).toThrow(RangeError);
  });
});

describe('orgCodeCheckChar (GB 11714-1997)', () => {
  it('computes the standard example D2143569-X', () => {
    // values  13 2 1 4 3 5 6 9 (D = 13); weights 3 7 9 10 5 8 4 2
    // S = 39+14+9+40+15+40+24+18 = 199; 199 mod 11 = 1; 11 - 1 = 10 → 'X'
    expect(orgCodeCheckChar('D2143569')).toBe('X');
  });

  it('maps 11 to 0 and 10 to X', () => {
    // "00000000": S = 0 → 11 - 0 = 11 → '0'
    expect(orgCodeCheckChar('00000000')).toBe('0');
    // "12345678": S = 3+14+27+40+25+48+28+16 = 201; 201 mod 11 = 3; 11 - 3 = 8
    expect(orgCodeCheckChar('12345678')).toBe('8');
  });

  it('uses the full A-Z range (I, O, S, V, Z are allowed)', () => {
    // Z = 35: S = 35 * (3+7+9+10+5+8+4+2) = 35 * 48 = 1680; 1680 mod 11 = 8; 11 - 8 = 3
    expect(orgCodeCheckChar('ZZZZZZZZ')).toBe('3');
    expect(orgCodeCheckChar('OIS0VZ12')).toBe('9');
    expect(orgCodeCheckChar('ma3c0n4r')).toBe('2');
  });

  it('throws on bad input', () => {
    expect(() => orgCodeCheckChar('1234567')).toThrow(RangeError);
    expect(() => orgCodeCheckChar('1234567*')).toThrow(RangeError);
  });
});

describe('upgradeLegacyResidentId / legacyForm', () => {
  it('inserts 19 before the year and appends the check character', () => {
    expect(upgradeLegacyResidentId('110105491231002')).toBe('11010519491231002X');
    expect(upgradeLegacyResidentId('371082850712123')).toBe('371082198507121238');
  });

  it('derives the 15-digit form only for valid IDs born 1900–1999', () => {
    expect(legacyForm('11010519491231002X')).toBe('110105491231002');
    expect(legacyForm('11010519491231002x')).toBe('110105491231002');
    expect(legacyForm('440304200002294568')).toBeUndefined(); // born 2000
    expect(legacyForm('110105194912310021')).toBeUndefined(); // wrong check character
    expect(legacyForm('1101051949123100')).toBeUndefined();
    expect(legacyForm('91350100M000100Y43')).toBeUndefined();
  });

  it('rejects non-15-digit input', () => {
    expect(() => upgradeLegacyResidentId('11010549123100')).toThrow(RangeError);
    expect(() => upgradeLegacyResidentId('11010549123100A')).toThrow(RangeError);
  });
});
