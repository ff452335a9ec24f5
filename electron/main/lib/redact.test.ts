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
});
