import { describe, expect, it } from 'vitest';
import { residentIdCheckChar } from './checks';
import { redactIdentifiers } from './redact';

const ID = '371003197503080213';
const MASKED = '3710**********0213';
const fullWidth = (s: string) => [...s].map((ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0)).join('');

/** A valid resident ID whose check character is X. */
function idEndingInX(): string {
  for (let seq = 100; seq < 1000; seq++) {
    const first17 = `37100219800101${seq}`;
    if (residentIdCheckChar(first17) === 'X') return `${first17}X`;
  }
  throw new Error('no check character X in range');
}

describe('redactIdentifiers', () => {
  it('masks an ID number standing on its own or among Chinese text', () => {
    expect(redactIdentifiers(`核对${ID}原件`)).toBe(`核对${MASKED}原件`);
    expect(redactIdentifiers(`BJ-2026-0001 申请人 ${ID}`)).toBe(`BJ-2026-0001 申请人 ${MASKED}`);
  });

  it('masks an ID number however it was typed: glued to letters, in full-width digits, in groups, with a lower-case x', () => {
    expect(redactIdentifiers(`sfz${ID}`)).toBe(`sfz${MASKED}`);
    expect(redactIdentifiers(`ID:${ID}abc`)).toBe(`ID:${MASKED}abc`);
    expect(redactIdentifiers(`身份证${fullWidth(ID)}`)).toBe(`身份证${MASKED}`);
    expect(redactIdentifiers('3710 0319 7503 0802 13')).toBe(MASKED);
    expect(redactIdentifiers('371003-19750308-0213 已核对')).toBe(`${MASKED} 已核对`);
    const x = idEndingInX();
    expect(redactIdentifiers(`no${x.toLowerCase()}end`)).toBe(`no${x.slice(0, 4)}**********${x.slice(14, 17)}Xend`);
    expect(redactIdentifiers(`旧证a371082620403031`)).not.toContain('371082620403031');
  });

  it('finds the ID number beside other numbers, and leaves what is no ID number alone', () => {
    expect(redactIdentifiers(`电话 0631-5201234 ${ID}`)).toBe(`电话 0631-5201234 ${MASKED}`);
    expect(redactIdentifiers(`2026-${ID}`)).toBe(`2026-${MASKED}`);
    for (const text of ['XK-2026-000123', '0631-5201234', '371003197503080214', '3710031975030802131', '20261202 093000 1234']) {
      expect(redactIdentifiers(text)).toBe(text);
    }
  });
});
