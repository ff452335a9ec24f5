import { parseId } from './parse';

const FAR_FUTURE = new Date('9999-12-31T00:00:00Z');

/**
 * Free text (an unmask reason, a case number, a log line…) may hold an ID number someone typed:
 * every token that is a valid resident ID or unified social credit code is replaced by its masked form.
 */
export function redactIdentifiers(text: string): string {
  return text.replace(/[0-9A-Za-z]+/g, (token) => {
    if (token.length !== 15 && token.length !== 18) return token;
    const parsed = parseId(token, { today: FAR_FUTURE });
    return parsed.ok ? parsed.masked : token;
  });
}
