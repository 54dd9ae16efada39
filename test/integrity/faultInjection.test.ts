/** The plan-write fault injection is a local testing aid: off unless set, refused outright in Azure mode. */
import { parseConfig } from '../../adapters/config/config';
import { planWriteFaults } from '../../adapters/planning/planWriteFaults';
import { azureConfigEnv, localConfigEnv } from '../support/configEnv';

const context = { jobId: 'job_1', chapterId: 'chp_1', generation: 1 };

test('off by default', () => {
  expect(planWriteFaults(parseConfig(localConfigEnv))).toBeUndefined();
  expect(planWriteFaults(parseConfig(azureConfigEnv))).toBeUndefined();
});

test('refused at start-up in azure mode', () => {
  expect(() => parseConfig({ ...azureConfigEnv, FAULT_INJECT_PLAN_WRITE: 'true' })).toThrow(
    'FAULT_INJECT_PLAN_WRITE: must not be set in azure mode',
  );
});

test('locally, fails the first write of each chapter of each job once', () => {
  const faults = planWriteFaults(parseConfig({ ...localConfigEnv, FAULT_INJECT_PLAN_WRITE: 'true' }))!;
  expect(() => faults.afterPartialWrite(context)).toThrow('Injected fault');
  expect(() => faults.afterPartialWrite(context)).not.toThrow();
  expect(() => faults.afterPartialWrite({ ...context, chapterId: 'chp_2' })).toThrow('Injected fault');
  expect(() => faults.afterPartialWrite({ ...context, jobId: 'job_2' })).toThrow('Injected fault');
});
