/**
 * shared/ids — identifiers of the credit platform (docs/architecture.md):
 * resident ID (GB 11643-1999, incl. legacy 15-digit), unified social credit code (GB 32100-2015)
 * and organisation code (GB 11714-1997). Pure TypeScript, no dependencies, browser and node.
 */
export type {
  IdError,
  IdErrorCode,
  IdType,
  IdWarning,
  IdWarningCode,
  ParsedId,
  ParseIdFailure,
  ParseIdOptions,
  ParseIdResult,
} from './types';
export {
  USCC_ALPHABET,
  ORG_CODE_ALPHABET,
  residentIdCheckChar,
  usccCheckChar,
  orgCodeCheckChar,
  upgradeLegacyResidentId,
  legacyForm,
} from './checks';
export { normaliseIdInput } from './normalise';
export { maskId } from './mask';
export { parseId } from './parse';
export { PROVINCE_CODES } from './residentId';
export { identifierIndexKeys } from './indexKeys';
export { redactIdentifiers } from './redact';
