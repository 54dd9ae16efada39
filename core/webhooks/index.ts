export * from './addressPolicy';
export * from './delivery';
export * from './deliveryUrl';
export * from './retryPolicy';
export * from './signing';
export * from './subscription';
