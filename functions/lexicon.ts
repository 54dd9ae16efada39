import { z } from 'zod';
import { ErrorBody, Id } from '../core/api/common';
import {
  CreateLexiconEntryRequest,
  LexiconChange,
  LexiconEntryChange,
  LexiconImportResult,
  LexiconLocaleQuery,
  LexiconView,
  UpdateLexiconEntryRequest,
  toLexiconEntryView,
} from '../core/api/lexicon';
import { ValidationError } from '../core/errors';
import { MAX_PLS_BYTES } from '../core/lexicon/pls';
import { endpoint } from './http/endpoint';

/**
 * The project's pronunciation lexicon. Every change bumps the lexicon version and drops the audio of exactly the
 * segments whose text contains a changed entry; the response says how many.
 */
const ProjectParams = z.strictObject({ projectId: Id });
const EntryParams = z.strictObject({ projectId: Id, entryId: Id });
const PLS_TYPES = ['application/pls+xml', 'application/xml', 'text/xml'];

endpoint({
  operationId: 'listLexicon',
  method: 'GET',
  route: 'v1/projects/{projectId}/lexicon',
  summary: 'All lexicon entries of the project and the lexicon version',
  tags: ['lexicon'],
  access: 'tenant',
  params: ProjectParams,
  objects: { projectId: 'project' },
  responses: { 200: { description: 'The lexicon', schema: LexiconView } },
  async handle({ principal, params, services }) {
    const { version, entries } = await services.lexicon.list(principal, params.projectId);
    const items = entries.map(toLexiconEntryView).sort((a, b) => a.grapheme.localeCompare(b.grapheme));
    return { status: 200, json: { version, items } };
  },
});

endpoint({
  operationId: 'createLexiconEntry',
  method: 'POST',
  route: 'v1/projects/{projectId}/lexicon',
  summary: 'Add an entry (grapheme → alias or IPA, per locale)',
  tags: ['lexicon'],
  access: 'tenant',
  params: ProjectParams,
  body: { kind: 'json', schema: CreateLexiconEntryRequest },
  objects: { projectId: 'project' },
  idempotent: true,
  responses: {
    201: { description: 'Created; segments containing it need rendering again', schema: LexiconEntryChange },
    409: {
      description: 'An entry for this grapheme and locale exists, or the lexicon holds its limit of entries',
      schema: ErrorBody,
    },
  },
  async handle({ principal, params, body, services }) {
    const { entry, ...change } = await services.lexicon.create(principal, params.projectId, body);
    return { status: 201, json: { entry: toLexiconEntryView(entry), ...change } };
  },
});

endpoint({
  operationId: 'updateLexiconEntry',
  method: 'PATCH',
  route: 'v1/projects/{projectId}/lexicon/{entryId}',
  summary: 'Change an entry (If-Match optional)',
  tags: ['lexicon'],
  access: 'tenant',
  params: EntryParams,
  body: { kind: 'json', schema: UpdateLexiconEntryRequest },
  objects: { projectId: 'project' },
  ifMatch: 'optional',
  responses: {
    200: { description: 'Updated', schema: LexiconEntryChange },
    409: { description: 'Another entry has this grapheme and locale', schema: ErrorBody },
  },
  async handle({ principal, params, body, ifMatch, services }) {
    const { entry, ...change } = await services.lexicon.update(
      principal,
      params.projectId,
      params.entryId,
      ifMatch,
      body,
    );
    return { status: 200, json: { entry: toLexiconEntryView(entry), ...change } };
  },
});

endpoint({
  operationId: 'deleteLexiconEntry',
  method: 'DELETE',
  route: 'v1/projects/{projectId}/lexicon/{entryId}',
  summary: 'Remove an entry',
  tags: ['lexicon'],
  access: 'tenant',
  params: EntryParams,
  objects: { projectId: 'project' },
  ifMatch: 'optional',
  responses: { 200: { description: 'Removed', schema: LexiconChange } },
  async handle({ principal, params, ifMatch, services }) {
    return { status: 200, json: await services.lexicon.remove(principal, params.projectId, params.entryId, ifMatch) };
  },
});

endpoint({
  operationId: 'exportLexicon',
  method: 'GET',
  route: 'v1/projects/{projectId}/lexicon/export',
  summary: 'The entries of one locale as a W3C PLS document (default: the book language)',
  tags: ['lexicon'],
  access: 'tenant',
  params: ProjectParams,
  query: LexiconLocaleQuery,
  objects: { projectId: 'project' },
  responses: { 200: { description: 'PLS XML', contentType: 'application/pls+xml' } },
  async handle({ principal, params, query, services }) {
    if (query.locale === '*')
      throw new ValidationError('PLS holds one language', [{ field: 'locale', message: 'name one locale' }]);
    const xml = await services.lexicon.exportPls(principal, params.projectId, query.locale);
    return {
      status: 200,
      bytes: Buffer.from(xml, 'utf8'),
      headers: {
        'content-type': 'application/pls+xml; charset=utf-8',
        'content-disposition': 'attachment; filename="lexicon.pls"',
        'x-content-type-options': 'nosniff',
      },
    };
  },
});

endpoint({
  operationId: 'importLexicon',
  method: 'POST',
  route: 'v1/projects/{projectId}/lexicon/import',
  summary: 'Import a PLS document (≤ 100 KB, no DOCTYPE); same grapheme and locale updates the existing entry',
  tags: ['lexicon'],
  access: 'tenant',
  params: ProjectParams,
  query: LexiconLocaleQuery,
  body: { kind: 'binary', contentTypes: PLS_TYPES, maxBytes: MAX_PLS_BYTES },
  objects: { projectId: 'project' },
  responses: {
    200: { description: 'Imported', schema: LexiconImportResult },
    409: { description: 'The new entries do not fit the lexicon limit; none was added', schema: ErrorBody },
    413: { description: 'Larger than 100 KB', schema: ErrorBody },
    415: { description: 'Not XML', schema: ErrorBody },
    422: { description: 'Not a valid PLS document', schema: ErrorBody },
  },
  async handle({ principal, params, query, body, services }) {
    let xml: string;
    try {
      xml = new TextDecoder('utf-8', { fatal: true }).decode(body);
    } catch {
      throw new ValidationError('The PLS document is not valid UTF-8', [{ field: 'body', message: 'invalid UTF-8' }]);
    }
    const locale = query.locale === '*' ? undefined : query.locale;
    return { status: 200, json: await services.lexicon.importPls(principal, params.projectId, xml, locale) };
  },
});
