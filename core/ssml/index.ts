export * from './ssmlBuilder';
export * from './planRequests';
export * from './text';
