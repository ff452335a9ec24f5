export * from './domain';
export * from './problem';
export * from './api';
export * from './feedbackRule';
export * from './supervision';
