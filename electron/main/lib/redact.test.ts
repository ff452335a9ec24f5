import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REDACTED, redactText, redactValue } from './redact';

describe('log redaction', () => {
  it('removes 18- and 15-digit resident ID numbers and USCCs', () => {
    const text = redactText('查询 371002199001011237、37100219900101123X、371002900101123 和 91371000MA3C8DJE2W 完成');
    expect(text).not.toMatch(/\d{15}/);
    expect(text).not.toContain('91371000MA3C8DJE2W');
    expect(text.split(REDACTED)).toHaveLength(5);
  });

  it('catches IDs in URLs, JSON and full width', () => {
    expect(redactText('GET /api/v1/subjects/371002199001011237?matter=M1')).toBe(`GET /api/v1/subjects/${REDACTED}?matter=M1`);
    expect(redactText('{"id":"37100219900101123x"}')).toBe(`{"id":"${REDACTED}"}`);
    expect(redactText('３７１００２１９９００１０１１２３７')).toBe(REDACTED);
  });

  it('keeps masked identifiers, dates, counts and UUIDs readable', () => {
    const line = '3710**********1237 2026-11-27 同步 12345 条 0193f0a2-7b1c-7def-8123-456789abcdef';
    expect(redactText(line)).toBe(line);
  });

  it('removes secrets, tokens and passwords', () => {
    const out = redactText(
      'Authorization: Bearer abc.def.ghi terminalSecret=tsec_supersecret password: "hunter2 2" enrolmentCode=ABCD-1234 ' +
        'token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig x=Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZmdoaWprbG1ub3A=',
    );
    for (const secret of ['abc.def.ghi', 'tsec_supersecret', 'hunter2', 'ABCD-1234', 'eyJhbGciOiJIUzI1NiJ9', 'Zm9vYmFyYmF6']) {
      expect(out, secret).not.toContain(secret);
    }
  });

  it('redacts structured log arguments by key and by value, errors included', () => {
    const error = new Error('lookup 371002199001011237 failed');
    const [message, details, failure, big] = redactValue([
      'ok',
      { terminalSecret: 'x', nested: { idNumber: '371002199001011237', accessToken: 'abc' }, list: ['91371000MA3C8DJE2W'] },
      error,
      371002199001011,
    ]) as [string, Record<string, unknown>, Error, unknown];
    expect(message).toBe('ok');
    expect(details).toEqual({ terminalSecret: REDACTED, nested: { idNumber: REDACTED, accessToken: REDACTED }, list: [REDACTED] });
    expect(failure.message).toBe(`lookup ${REDACTED} failed`);
    expect(failure.stack).not.toContain('371002199001011237');
    expect(big).toBe(REDACTED);
  });

  it('redacts identifiers used as object keys, e.g. results by subject', () => {
    const logged = JSON.stringify(redactValue({ '371002199001011237': '已核查', '91371000MA3C8DJE2W': '已核查', ok: 1 }));
    expect(logged).not.toMatch(/\d{15}|91371000MA3C8DJE2W/);
    expect(logged).toContain('"ok":1');
  });
});

describe('identifiers in the forms people and programs actually write them', () => {
  const cases: [string, string][] = [
    ['next to letters', 'lookup ID371002199001011237 done'],
    ['letters after', 'q=371002199001011237abc'],
    ['in an encoded URL path', 'GET /api/v1/subjects%2F371002199001011237?matter=M1'],
    ['with spaces', '身份证号 371002 19900101 1237 已核验'],
    ['with dashes', '身份证号 371002-19900101-1237'],
    ['in groups of four', '3710 0219 9001 0112 37'],
    ['with a full-width space', '３７１００２　１９９００１０１　１２３７'],
    ['17-digit fragment', 'partial 37100219900101123'],
    ['16-digit fragment', 'partial 3710021990010112'],
    ['15-digit legacy next to letters', 'old:ID371002900101123'],
    ['USCC typed with O', 'code 91371000MA3C8DJEOW'],
    ['USCC typed with I', 'code 9137100OMA3C8DJE2I'],
    ['USCC after letters', 'USCC91371000MA3C8DJE2W'],
    ['USCC in lower case', 'code 91371000ma3c8dje2w'],
    // Only the division code is made of digits: the registration office, type and organisation code are letters.
    ['USCC with letters beside the division code only', 'code MA371000MAXCYDJEKW'],
    // A Chinese input method in full-width mode types －, not -; text copied from documents and web pages
    // carries invisible soft hyphens and invisible separators.
    ['with full-width dashes', '身份证号 ３７１００２－１９９００１０１－１２３７'],
    ['with full-width dashes between half-width digits', '371002－19900101－1237'],
    ['with soft hyphens', '身份证号 371002\u00ad19900101\u00ad1237'],
    ['with invisible separators', '3710\u20630219\u20639001\u20630112\u206337'],
  ];
  for (const [form, text] of cases) {
    it(`removes an identifier ${form}`, () => {
      const out = redactText(text);
      expect(out).toContain(REDACTED);
      const compact = out.replace(/[\s\-%+_\u3000]/g, '').toUpperCase();
      for (const fragment of ['37100219900101', '10021990010112', '3710021990010', '91371000MA3C8', 'MA3C8DJE', '9137100OMA3C8']) {
        expect(compact, `${form}: ${out}`).not.toContain(fragment);
      }
    });
  }

  it('removes passwords and enrolment codes however they are labelled', () => {
    const out = redactText(
      '密码=hunter2 口令：secret-1 password hunter3 Password: "two words" enrolment code WEIHAI-DEMO-2026 登记码 WH-2026 密码＝hunter4',
    );
    for (const secret of ['hunter2', 'secret-1', 'hunter3', 'two words', 'WEIHAI-DEMO-2026', 'WH-2026', 'hunter4'])
      expect(out, secret).not.toContain(secret);
    expect(out).toContain('密码=');
  });

  it('keeps times, counts, addresses and masked identifiers readable', () => {
    const line = '2026-11-27 14:22:33 同步 12345 条，用时 1500 ms，平台 192.168.100.200:8787，3710**********1237，错误码 E1001';
    expect(redactText(line)).toBe(line);
    expect(redactText('工号或密码错误')).toBe('工号或密码错误');
  });
});

describe('log lines cannot be forged', () => {
  it('escapes line breaks and other control characters, so one message is one line', () => {
    const forged = '查询失败\n[2026-11-27 14:22:33.000] [info] 管理员已批准\r\u2028\u0000\u001b[31m\u202e';
    const out = redactText(forged);
    // eslint-disable-next-line no-control-regex -- the point of the test
    expect(out).not.toMatch(/[\n\r\u2028\u0000\u001b\u202e]/);
    expect(out).toBe('查询失败\\n[2026-11-27 14:22:33.000] [info] 管理员已批准\\r\\u2028\\u0000\\u001b[31m\\u202e');
  });

  it('error stacks become one line too, redacted', () => {
    const [failure] = redactValue([new Error('lookup 371002199001011237\nfailed')]) as [Error];
    expect(failure.message).toBe(`lookup ${REDACTED}\\nfailed`);
    expect(failure.stack).not.toMatch(/\n/);
  });
});

describe('a generated corpus: no clear identifier survives in any written form', () => {
  const digit = fc.constantFrom(...'0123456789');
  const digits = (min: number, max: number) => fc.array(digit, { minLength: min, maxLength: max }).map((a) => a.join(''));
  const letter = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ');
  const alnum = fc.oneof(digit, letter);
  const residentId = fc.tuple(digits(17, 17), fc.constantFrom(...'0123456789Xx')).map(([body, check]) => body + check);
  const legacyOrFragment = digits(15, 17);
  // Positions 3–8 are the division code (digits); the rest any letters, including the O, I, S, V, Z a clerk may type.
  const creditCode = fc
    .tuple(fc.array(alnum, { minLength: 2, maxLength: 2 }), digits(6, 6), fc.array(alnum, { minLength: 10, maxLength: 10 }), fc.boolean())
    .filter(([, , tail]) => tail.some((c) => /[A-Z]/.test(c)))
    .map(([head, division, tail, lower]) => {
      const code = head.join('') + division + tail.join('');
      return lower ? code.toLowerCase() : code;
    });
  const identifier = fc.oneof(residentId, legacyOrFragment, creditCode);
  const separator = fc.constantFrom(' ', '-', '  ', ' - ', '\u3000', '_', '\t', '%20', '+', '\u00a0', '–', '－', '\u00ad', '\u2063');
  const toFullWidth = (text: string) => text.replace(/[0-9A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

  /** The identifier split into groups of 2–8 characters with separators between them. */
  const grouped = (id: string) =>
    fc.tuple(fc.array(fc.integer({ min: 2, max: 8 }), { minLength: 1, maxLength: 9 }), separator).map(([sizes, sep]) => {
      const parts: string[] = [];
      let at = 0;
      for (const size of sizes) {
        if (at >= id.length) break;
        parts.push(id.slice(at, at + size));
        at += size;
      }
      if (at < id.length) parts.push(id.slice(at));
      return parts.join(sep);
    });

  const written = identifier.chain((id) =>
    fc
      .oneof(
        fc.constant(id),
        grouped(id),
        fc.constant(toFullWidth(id)),
        fc.constant(encodeURIComponent(`subjects/${id}`)),
        fc.constant(`/api/v1/subjects/${id}?matter=M1&caseNo=WH-1`),
        fc.constant(`{"q":"${id}"}`),
      )
      .chain((form) =>
        fc
          .tuple(
            fc.constantFrom('', 'ID', 'no.', '证件', 'x=', 'ABC', '%2F', 'abc'),
            fc.constantFrom('', '。', ' ok', 'abc', 'END', '&x=1'),
          )
          .map(([before, after]) => ({ id, text: `查询 ${before}${form}${after} 完成` })),
      ),
  );

  /** Compare what a reader would see: separators gone, half width, upper case. */
  const compact = (text: string) =>
    text
      .replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
      .replace(/%20|%2F|\\[tu]|[\s\-_+–－\u00ad\u2063\u3000\u00a0/]/gi, '')
      .toUpperCase();

  it('leaves no 12-character stretch of the identifier in the log', () => {
    fc.assert(
      fc.property(written, ({ id, text }) => {
        const out = compact(redactText(text));
        const plain = compact(id);
        for (let at = 0; at + 12 <= plain.length; at++) {
          if (out.includes(plain.slice(at, at + 12))) return false;
        }
        return true;
      }),
      { numRuns: 3_000 },
    );
  });
});
