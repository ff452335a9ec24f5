/**
 * The client version sent as X-Client-Version (the platform answers 426 when it is too old).
 * A constant rather than an import of package.json (which would leave the renderer's project);
 * tests/unit/version.test.ts keeps the two in step.
 */
export const APP_VERSION = '0.1.0';
