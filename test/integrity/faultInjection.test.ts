/** The plan-write fault injection is a local testing aid: off unless set, refused outright in Azure mode. */
import { parseConfig } from '../../adapters/config/config';
import { planWriteFaults } from '../../adapters/planning/planWriteFaults';

const base = {
  DURABLE_TASK_HUB_NAME: 'KhipuTest',
  COSMOS_ENDPOINT: 'https://cosmos.example.com',
  EVENTGRID_TOPIC_ENDPOINT: 'https://topic.example.com/api/events',
  AUTH_ISSUER: 'https://login.example.com/tenant/v2.0',
  AUTH_AUDIENCE: 'api://khipu',
};
const azure = { ...base, KHIPU_MODE: 'azure', STORAGE_BLOB_ENDPOINT: 'https://storage.example.com' };
const local = {
  ...base,
  KHIPU_MODE: 'local',
  STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true',
  COSMOS_KEY: 'key',
  EVENTGRID_TOPIC_KEY: 'key',
};
const context = { jobId: 'job_1', chapterId: 'chp_1', generation: 1 };

test('off by default', () => {
  expect(planWriteFaults(parseConfig(local))).toBeUndefined();
  expect(planWriteFaults(parseConfig(azure))).toBeUndefined();
});

test('refused at start-up in azure mode', () => {
  expect(() => parseConfig({ ...azure, FAULT_INJECT_PLAN_WRITE: 'true' })).toThrow(
    'FAULT_INJECT_PLAN_WRITE: must not be set in azure mode',
  );
});

test('locally, fails the first write of each chapter of each job once', () => {
  const faults = planWriteFaults(parseConfig({ ...local, FAULT_INJECT_PLAN_WRITE: 'true' }))!;
  expect(() => faults.afterPartialWrite(context)).toThrow('Injected fault');
  expect(() => faults.afterPartialWrite(context)).not.toThrow();
  expect(() => faults.afterPartialWrite({ ...context, chapterId: 'chp_2' })).toThrow('Injected fault');
  expect(() => faults.afterPartialWrite({ ...context, jobId: 'job_2' })).toThrow('Injected fault');
});
