export * from './block';
export * from './build';
export * from './bytes';
export * from './fingerprint';
export * from './rows';
export * from './statement';
export * from './packs';
