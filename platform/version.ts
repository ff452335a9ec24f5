/** Version of this reference platform implementation (reported by GET /health). */
export const PLATFORM_VERSION = '1.0.0-reference';
