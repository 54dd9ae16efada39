export * from './casting';
