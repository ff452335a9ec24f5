import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BASE45_ALPHABET, base45Decode, base45Encode } from './base45';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('Base45 (RFC 9285)', () => {
  it('encodes and decodes the RFC 9285 examples', () => {
    expect(base45Encode(utf8('AB'))).toBe('BB8');
    expect(base45Encode(utf8('Hello!!'))).toBe('%69 VD92EX0');
    expect(base45Encode(utf8('base-45'))).toBe('UJCLQE7W581');
    expect(base45Encode(utf8('ietf!'))).toBe('QED8WEX0');
    expect(new TextDecoder().decode(base45Decode('QED8WEX0')!)).toBe('ietf!');
    expect(base45Encode(new Uint8Array([]))).toBe('');
    expect(base45Encode(new Uint8Array([0xff, 0xff]))).toBe('FGW');
  });

  it('refuses text that no byte string encodes to', () => {
    expect(base45Decode('GGW')).toBeNull(); // 65536 does not fit two bytes
    expect(base45Decode('BB8')).toEqual(utf8('AB'));
    expect(base45Decode('Z6')).toBeNull(); // 35 + 6·45 = 305 does not fit one byte
    expect(base45Decode('A')).toBeNull(); // a dangling character
    expect(base45Decode('ab8')).toBeNull(); // lower case is not in the alphabet
    expect(base45Decode('BB8\n')).toBeNull();
  });

  it('round-trips any bytes, and writes only characters of the QR alphanumeric mode', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const text = base45Encode(bytes);
        expect([...text].every((c) => BASE45_ALPHABET.includes(c))).toBe(true);
        expect(base45Decode(text)).toEqual(bytes);
      }),
    );
  });
});
