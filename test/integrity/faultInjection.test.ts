/** The plan-write and production-step fault injections are local testing aids: off unless set, refused in Azure mode. */
import { parseConfig } from '../../adapters/config/config';
import { planWriteFaults } from '../../adapters/planning/planWriteFaults';
import { productionStepFaults } from '../../adapters/production/productionStepFaults';
import type { BlobStore } from '../../core/ports/blobs';
import type { MasterRenderRequest, RenderedMaster } from '../../core/production/chapterMastering';
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

test('production steps: off by default, refused in azure mode', () => {
  expect(productionStepFaults(parseConfig(localConfigEnv))).toBeUndefined();
  expect(() => parseConfig({ ...azureConfigEnv, FAULT_INJECT_PRODUCTION_STEPS: 't-pampa' })).toThrow(
    'FAULT_INJECT_PRODUCTION_STEPS: must not be set in azure mode',
  );
});

test("locally, the tenant's first pin of each chapter's lines and first render of each master fail after storing", async () => {
  const faults = productionStepFaults(parseConfig({ ...localConfigEnv, FAULT_INJECT_PRODUCTION_STEPS: 't-pampa' }))!;
  const stored: string[] = [];
  const store = {
    putIfAbsent: (name: string) => Promise.resolve(stored.push(name) > 0),
    readBuffer: () => Promise.resolve(undefined),
    delete: () => Promise.resolve(),
    deletePrefix: () => Promise.resolve(0),
  } as unknown as Pick<BlobStore, 'putIfAbsent' | 'readBuffer' | 'delete' | 'deletePrefix'>;
  const pins = faults.pins(store);
  const lines = 'tenants/t-pampa/projects/p/jobs/job_1/plan-lines/chp_1.json';
  await expect(pins.putIfAbsent(lines, Buffer.from('{}'), 'application/json')).rejects.toThrow('Injected fault');
  expect(stored).toEqual([lines]);
  await expect(pins.putIfAbsent(lines, Buffer.from('{}'), 'application/json')).resolves.toBe(true);
  const sources = 'tenants/t-pampa/projects/p/jobs/job_1/plan-sources/chp_1.json';
  await expect(pins.putIfAbsent(sources, Buffer.from('{}'), 'application/json')).resolves.toBe(true);
  const otherTenant = 'tenants/t-andes/projects/p/jobs/job_1/plan-lines/chp_1.json';
  await expect(pins.putIfAbsent(otherTenant, Buffer.from('{}'), 'application/json')).resolves.toBe(true);

  let renders = 0;
  const files = faults.masterFiles({
    render: () => Promise.resolve({ renders: ++renders } as unknown as RenderedMaster),
  });
  const request = { masterBlobName: 'tenants/t-pampa/projects/p/audio/chapters/chp_1/m.flac' } as MasterRenderRequest;
  await expect(files.render(request)).rejects.toThrow('Injected fault');
  await expect(files.render(request)).resolves.toEqual({ renders: 2 });
});
