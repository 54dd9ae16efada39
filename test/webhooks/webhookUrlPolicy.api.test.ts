import { type TestPlatform } from '../support/testPlatform';
import { sharedTestPlatform } from '../support/sharedPlatform';
import { freshTenant } from '../support/freshTenant';

const andes = freshTenant('andes');

/**
 * Without WEBHOOK_ALLOW_LOOPBACK (as in Azure) the API refuses, at subscription time, every URL the deliverer would
 * refuse anyway: plain http, odd ports, loopback, private, link-local and metadata addresses in any spelling, and
 * host names that resolve to them. (Each delivery checks again: see safeHttpDelivery.test.ts.)
 */
let platform: TestPlatform;
const admin = andes.admin;

beforeAll(async () => {
  platform = await sharedTestPlatform();
  await andes.signUp(platform);
});
afterAll(async () => {
  await platform?.stop();
});

async function subscribe(url: string) {
  return platform.api(admin, '/v1/webhooks', { method: 'POST', json: { url, eventTypes: ['khipu.job.completed'] } });
}

it.each([
  ['plain http', 'http://hooks.example.com/khipu'],
  ['loopback', 'https://127.0.0.1/hook'],
  ['loopback, decimal spelling', 'https://2130706433/hook'],
  ['loopback, hex spelling', 'https://0x7f.0.0.1/hook'],
  ['loopback, 32-bit hex spelling', 'https://0x7f000001/hook'],
  ['loopback, octal spelling', 'https://017700000001/hook'],
  ['this-network 0.0.0.0', 'https://0.0.0.0/hook'],
  ['unspecified IPv6', 'https://[::]/hook'],
  ['IPv4-mapped IPv6 private, hex form', 'https://[::ffff:a00:1]/hook'],
  ['IPv4-mapped IPv6 private, dotted form', 'https://[::ffff:10.0.0.1]/hook'],
  ['link-local IPv6', 'https://[fe80::1]/hook'],
  ['unique local IPv6 fc00::/7', 'https://[fc00::1]/hook'],
  ['instance metadata, hex spelling', 'https://0xa9fea9fe/latest/meta-data'],
  ['IPv6 loopback', 'https://[::1]/hook'],
  ['IPv4-mapped IPv6 loopback', 'https://[::ffff:127.0.0.1]/hook'],
  ['a name resolving to loopback', 'https://localhost/hook'],
  ['private range', 'https://10.1.2.3/hook'],
  ['private range 192.168', 'https://192.168.0.10/hook'],
  ['instance metadata', 'https://169.254.169.254/latest/meta-data'],
  ['unique local IPv6', 'https://[fd00::1]/hook'],
  ['non-standard port', 'https://hooks.example.com:8443/hook'],
  ['credentials in the URL', 'https://user:pass@hooks.example.com/hook'],
])('refuses %s', async (_label, url) => {
  const res = await subscribe(url);
  expect(res.status).toBe(400);
  const body = (await res.json()) as { error: { code: string; details: { fields: { field: string }[] } } };
  expect(body.error.code).toBe('validation_failed');
  expect(body.error.details.fields[0].field).toBe('url');
});

it('accepts a public https URL', async () => {
  const res = await subscribe('https://hooks.example.com/khipu');
  expect(res.status).toBe(201);
  await platform.api(admin, `/v1/webhooks/${((await res.json()) as { id: string }).id}`, { method: 'DELETE' });
});

it('refuses the same addresses when a subscription is updated', async () => {
  const res = await subscribe('https://hooks.example.com/khipu');
  const created = (await res.json()) as { id: string; etag: string };
  const patch = await platform.api(admin, `/v1/webhooks/${created.id}`, {
    method: 'PATCH',
    headers: { 'if-match': created.etag },
    json: { url: 'https://[::ffff:a9fe:a9fe]/metadata' },
  });
  expect(patch.status).toBe(400);
});
