import { describe, expect, it } from 'vitest';
import { identifierIndexKeys, maskId, parseId } from './index';
import type { ParsedId } from './index';

function parsed(input: string): ParsedId {
  const r = parseId(input, { today: new Date(2025, 0, 1) });
  if (!r.ok) throw new Error(r.error.message);
  return r;
}

describe('maskId', () => {
  it('18 characters: first 4 + 10 stars + last 4', () => {
    expect(maskId('371082198507121237', 'RESIDENT_ID')).toBe('3710**********1237');
    expect(maskId('91350100M000100Y43', 'USCC')).toBe('9135**********0Y43');
  });

  it('15 digits: first 4 + 7 stars + last 4', () => {
    expect(maskId('110105491231002', 'RESIDENT_ID')).toBe('1101*******1002');
  });

  it('org code: first 2 + 5 stars + last 2', () => {
    expect(maskId('D2143569X', 'ORG_CODE')).toBe('D2*****9X');
    expect(maskId('D2143569-X', 'ORG_CODE')).toBe('D2*****9X');
  });

  it('normalises before masking', () => {
    expect(maskId(' 1101 0519 4912 3100 2x ', 'RESIDENT_ID')).toBe('1101**********002X');
  });

  it('other lengths reveal at most a quarter at each end', () => {
    expect(maskId('', 'USCC')).toBe('');
    expect(maskId('123', 'USCC')).toBe('***');
    expect(maskId('12345678', 'USCC')).toBe('12****78');
    expect(maskId('1234567890123456789012', 'USCC')).toBe('1234**************9012');
  });
});

describe('identifierIndexKeys', () => {
  it('resident ID born 19xx → [18-digit, 15-digit]', () => {
    expect(identifierIndexKeys(parsed('11010519491231002X'))).toEqual(['11010519491231002X', '110105491231002']);
    expect(identifierIndexKeys(parsed('110105491231002'))).toEqual(['11010519491231002X', '110105491231002']);
  });

  it('resident ID born 2000+ → [18-digit]', () => {
    expect(identifierIndexKeys(parsed('440304200002294568'))).toEqual(['440304200002294568']);
  });

  it('USCC → [USCC, embedded org code]', () => {
    expect(identifierIndexKeys(parsed('91350100M000100Y43'))).toEqual(['91350100M000100Y43', 'M000100Y4']);
    // Still indexed by the org code when its own check does not match (warning only).
    expect(identifierIndexKeys(parsed('91370100MA3C0N4R0X'))).toEqual(['91370100MA3C0N4R0X', 'MA3C0N4R0']);
  });

  it('org code → [org code]', () => {
    expect(identifierIndexKeys(parsed('D2143569-X'))).toEqual(['D2143569X']);
  });

  it('the embedded org code of a USCC is the key of the bare org code', () => {
    const uscc = identifierIndexKeys(parsed('91350100M000100Y43'));
    const org = identifierIndexKeys(parsed('M000100Y-4'));
    expect(uscc).toContain(org[0]);
  });

  it('derives the legacy key when a hand-built ParsedId lacks it', () => {
    const p: ParsedId = { ok: true, type: 'RESIDENT_ID', value: '11010519491231002X', masked: '', warnings: [] };
    expect(identifierIndexKeys(p)).toEqual(['11010519491231002X', '110105491231002']);
  });
});
