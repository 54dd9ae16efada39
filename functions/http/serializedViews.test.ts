/**
 * A listing's views are rendered once per stored version of each document: the page's text is exactly what
 * stringifying the views would give, a new version (a new ETag) is rendered again, and a document without an ETag is
 * never remembered.
 */
import { HttpResponse, type HttpResponseInit } from '@azure/functions';
import type { Page, StoredDocument } from '../../core/ports/documents';
import { toHttpResponse } from './httpReply';
import { SERIALIZED_VIEW_TTL_MS, SerializedViews } from './serializedViews';

interface Doc extends StoredDocument {
  title: string;
}

const doc = (id: string, title: string, etag?: string, tenantId = 't-1'): Doc => ({ id, tenantId, etag, title });
const viewOf = (record: Doc) => ({ id: record.id, title: record.title, etag: record.etag ?? '', tags: ['é', '東京'] });

function counted() {
  let renders = 0;
  const views = new SerializedViews<Doc>((record) => {
    renders++;
    return viewOf(record);
  });
  return { views, renders: () => renders };
}

const stringified = (page: Page<Doc>) =>
  JSON.stringify({ items: page.items.map(viewOf), continuationToken: page.continuationToken });

test('a page is the JSON of its views, character for character', () => {
  const { views } = counted();
  for (const page of [
    { items: [doc('a', 'Émile "et" le café\n', '1'), doc('b', 'Zoë', '2')], continuationToken: 'tok"en' },
    { items: [doc('a', 'Émile "et" le café\n', '1')], continuationToken: null },
    { items: [], continuationToken: null },
  ]) {
    expect(views.page(page)).toBe(stringified(page));
    expect(views.page(page)).toBe(stringified(page));
  }
});

test('each stored version is rendered once over many listings', () => {
  const { views, renders } = counted();
  const page = { items: Array.from({ length: 25 }, (_, i) => doc(`p${i}`, `T${i}`, `e${i}`)), continuationToken: 'x' };
  for (let i = 0; i < 100; i++) views.page(page);
  expect(renders()).toBe(25);
});

test('a changed document (new ETag) shows at once; another tenant’s same id is its own entry', () => {
  const { views, renders } = counted();
  expect(views.of(doc('a', 'Old', 'e1'))).toContain('"Old"');
  expect(views.of(doc('a', 'New', 'e2'))).toContain('"New"');
  expect(views.of(doc('a', 'Other tenant', 'e1', 't-2'))).toContain('"Other tenant"');
  expect(renders()).toBe(3);
});

test('a rendered view is kept for a few minutes at most', () => {
  const { views, renders } = counted();
  const record = doc('a', 'Kept', 'e1');
  views.of(record, 0);
  views.of(record, SERIALIZED_VIEW_TTL_MS - 1);
  expect(renders()).toBe(1);
  views.of(record, SERIALIZED_VIEW_TTL_MS);
  expect(renders()).toBe(2);
  expect(views.size).toBe(1);
});

test('a document without an ETag is rendered every time', () => {
  const { views, renders } = counted();
  views.of(doc('a', 'One'));
  expect(views.of(doc('a', 'Two'))).toContain('"Two"');
  expect(renders()).toBe(2);
  expect(views.size).toBe(0);
});

test('memory is bounded: the oldest version is forgotten first', () => {
  let renders = 0;
  const views = new SerializedViews<Doc>((record) => (renders++, viewOf(record)), 3);
  for (const id of ['a', 'b', 'c', 'd']) views.of(doc(id, id, '1'));
  expect(views.size).toBe(3);
  views.of(doc('d', 'd', '1'));
  expect(renders).toBe(4);
  views.of(doc('a', 'a', '1'));
  expect(renders).toBe(5);
});

async function answer(init: HttpResponseInit) {
  const response = new HttpResponse(init);
  const bytes = response.body ? Buffer.from(await response.arrayBuffer()) : Buffer.alloc(0);
  return { status: response.status, headers: [...response.headers.entries()], body: bytes.toString('utf8') };
}

test('a reply of JSON text answers as the value it is the text of', async () => {
  const page = { items: [doc('a', 'Zoë — 東京', '1')], continuationToken: null };
  const { views } = counted();
  const fromText = toHttpResponse({ status: 200, jsonText: views.page(page) }, 'r-1');
  const fromValue = toHttpResponse({ status: 200, json: JSON.parse(stringified(page)) as unknown }, 'r-1');
  expect(await answer(fromText)).toEqual(await answer(fromValue));
});
