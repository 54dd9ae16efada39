/**
 * An endpoint's JSON reply goes to the programming model as bytes: it answers exactly as `jsonBody` did (status,
 * headers, body), and the model's web `Response` no longer measures the body text (with `jsonBody` it makes one
 * `Buffer.byteLength` pass over it, then encodes it).
 */
import { HttpResponse, type HttpResponseInit } from '@azure/functions';
import { jsonReply, toHttpResponse } from './httpReply';

const page = {
  items: Array.from({ length: 25 }, (_, i) => ({
    id: `prj_${i}`,
    metadata: { title: `Émile et le café n°${i}`, authors: ['Zoë — 東京'], subtitle: null },
    memberIds: [],
  })),
  continuationToken: 'abc',
};

async function answer(init: HttpResponseInit): Promise<{ status: number; headers: [string, string][]; body: string }> {
  const response = new HttpResponse(init);
  const bytes = response.body ? Buffer.from(await response.arrayBuffer()) : Buffer.alloc(0);
  return { status: response.status, headers: [...response.headers.entries()], body: bytes.toString('utf8') };
}

const cases: [string, number, Record<string, string>, unknown][] = [
  ['a page', 200, { 'x-request-id': 'r-1' }, page],
  ['its own content type', 422, { 'Content-Type': 'application/problem+json' }, { error: 'x' }],
  ['a string', 200, {}, 'Zoë'],
  ['no value', 202, { 'x-request-id': 'r-2' }, undefined],
  ['null', 200, {}, null],
  ['a status without a body', 304, { ETag: '"1"' }, { ignored: true }],
];

test.each(cases)('answers as jsonBody does: %s', async (_name, status, headers, value) => {
  const asJsonBody: HttpResponseInit =
    value === undefined ? { status, headers } : { status, headers, jsonBody: value as HttpResponseInit['jsonBody'] };
  expect(await answer(jsonReply(status, headers, value))).toEqual(await answer(asJsonBody));
});

/** Passes the model's `Response` makes over a string to measure it, while `init` is answered. */
async function textMeasurements(init: HttpResponseInit): Promise<number> {
  const byteLength = jest.spyOn(Buffer, 'byteLength');
  try {
    await answer(init);
    return byteLength.mock.calls.filter(([value]) => typeof value === 'string' && value.length > 1000).length;
  } finally {
    byteLength.mockRestore();
  }
}

test('the model copies a listing reply’s bytes instead of measuring and encoding its text', async () => {
  expect(await textMeasurements({ status: 200, jsonBody: page })).toBe(1);
  const init = toHttpResponse({ status: 200, json: page }, 'r-1');
  expect(await textMeasurements(init)).toBe(0);
  expect(await answer(init)).toEqual(await answer({ status: 200, headers: { 'x-request-id': 'r-1' }, jsonBody: page }));
});
