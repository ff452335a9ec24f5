/**
 * Input normalisation (docs/architecture.md): trim, drop all whitespace (incl. U+3000 ideographic space,
 * NBSP, line breaks) and zero-width characters, drop hyphens and dash look-alikes, full-width ASCII
 * → half-width, a–z → A–Z. Other characters are kept so that validation can point at them.
 */

// Hyphen-minus, hyphen, non-breaking hyphen, figure dash, en dash, em dash, horizontal bar,
// minus sign, small em dash, small hyphen-minus, full-width hyphen-minus.
const DASHES = new Set(['-', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\uFE58', '\uFE63', '\uFF0D']);
// Zero-width space / non-joiner / joiner, word joiner, BOM (BOM is also matched by \s).
const INVISIBLE = new Set(['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF']);
const WHITESPACE = /^\s$/u;

export function normaliseIdInput(input: string): string {
  if (typeof input !== 'string') return '';
  let out = '';
  for (const raw of input) {
    let ch = raw;
    const cp = raw.codePointAt(0) ?? 0;
    // Full-width ASCII block U+FF01–U+FF5E maps to U+0021–U+007E.
    if (cp >= 0xff01 && cp <= 0xff5e) ch = String.fromCharCode(cp - 0xfee0);
    if (WHITESPACE.test(ch) || DASHES.has(ch) || INVISIBLE.has(ch)) continue;
    if (ch >= 'a' && ch <= 'z') ch = ch.toUpperCase();
    out += ch;
  }
  return out;
}
