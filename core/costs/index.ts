export * from './aggregate';
export * from './costEntry';
export * from './costService';
export * from './estimate';
export * from './priceTable';
export * from './quota';
