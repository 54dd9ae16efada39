import { z } from 'zod';
import type { ChapterRecord } from '../core/book/records';
import {
  ChapterList,
  ChapterView,
  ListChaptersQuery,
  ReorderChaptersRequest,
  SplitChapterRequest,
  SplitChapterResponse,
  SpokenPreview,
  SpokenPreviewQuery,
  UpdateChapterRequest,
  toChapterSummary,
  toChapterView,
} from '../core/api/chapters';
import { ErrorBody, Id } from '../core/api/common';
import { endpoint } from './http/endpoint';

const ProjectParams = z.strictObject({ projectId: Id });
const ChapterParams = z.strictObject({ projectId: Id, chapterId: Id });
const editErrors = {
  409: { description: 'An import is running, or the edit does not apply (e.g. nothing to merge)', schema: ErrorBody },
};
const chapter = (record: ChapterRecord, status = 200) => ({ status, json: toChapterView(record) });

endpoint({
  operationId: 'listChapters',
  method: 'GET',
  route: 'v1/projects/{projectId}/chapters',
  summary: 'Chapters in reading order, without their text (add ?includeDeleted=true for deleted ones)',
  tags: ['chapters'],
  access: 'tenant',
  params: ProjectParams,
  query: ListChaptersQuery,
  objects: { projectId: 'project' },
  responses: { 200: { description: 'The chapters', schema: ChapterList } },
  async handle({ principal, params, query, services }) {
    const chapters = await services.chapters.list(principal, params.projectId, query.includeDeleted === 'true');
    return { status: 200, json: { items: chapters.map(toChapterSummary) } };
  },
});

endpoint({
  operationId: 'reorderChapters',
  method: 'POST',
  route: 'v1/projects/{projectId}/chapters/reorder',
  summary: 'Put the chapters in a new order: a permutation of every chapter that is not deleted',
  tags: ['chapters'],
  access: 'tenant',
  params: ProjectParams,
  body: { kind: 'json', schema: ReorderChaptersRequest },
  objects: { projectId: 'project' },
  responses: { 200: { description: 'The chapters in their new order', schema: ChapterList }, ...editErrors },
  async handle({ principal, params, body, services }) {
    const chapters = await services.chapters.reorder(principal, params.projectId, body.chapterIds);
    return { status: 200, json: { items: chapters.map(toChapterSummary) } };
  },
});

endpoint({
  operationId: 'getChapter',
  method: 'GET',
  route: 'v1/projects/{projectId}/chapters/{chapterId}',
  summary: 'One chapter with its text (ETag header for later edits)',
  tags: ['chapters'],
  access: 'tenant',
  params: ChapterParams,
  objects: { projectId: 'project' },
  responses: { 200: { description: 'The chapter', schema: ChapterView } },
  async handle({ principal, params, services }) {
    return chapter(await services.chapters.get(principal, params.projectId, params.chapterId));
  },
});

endpoint({
  operationId: 'updateChapter',
  method: 'PATCH',
  route: 'v1/projects/{projectId}/chapters/{chapterId}',
  summary: 'Rename, retype or edit the text; requires If-Match. A text edit makes an existing plan stale',
  tags: ['chapters'],
  access: 'tenant',
  params: ChapterParams,
  body: { kind: 'json', schema: UpdateChapterRequest },
  objects: { projectId: 'project' },
  ifMatch: 'required',
  responses: {
    200: { description: 'Updated', schema: ChapterView },
    ...editErrors,
  },
  async handle({ principal, params, body, ifMatch, services }) {
    return chapter(await services.chapters.update(principal, params.projectId, params.chapterId, ifMatch, body));
  },
});

endpoint({
  operationId: 'deleteChapter',
  method: 'DELETE',
  route: 'v1/projects/{projectId}/chapters/{chapterId}',
  summary: 'Delete a chapter (soft: it can be restored, and is left out of planning and production meanwhile)',
  tags: ['chapters'],
  access: 'tenant',
  params: ChapterParams,
  objects: { projectId: 'project' },
  responses: { 200: { description: 'Deleted', schema: ChapterView }, ...editErrors },
  async handle({ principal, params, services }) {
    return chapter(await services.chapters.remove(principal, params.projectId, params.chapterId));
  },
});

endpoint({
  operationId: 'restoreChapter',
  method: 'POST',
  route: 'v1/projects/{projectId}/chapters/{chapterId}/restore',
  summary: 'Restore a deleted chapter in its former place',
  tags: ['chapters'],
  access: 'tenant',
  params: ChapterParams,
  objects: { projectId: 'project' },
  responses: { 200: { description: 'Restored', schema: ChapterView }, ...editErrors },
  async handle({ principal, params, services }) {
    return chapter(await services.chapters.restore(principal, params.projectId, params.chapterId));
  },
});

endpoint({
  operationId: 'mergeChapterWithNext',
  method: 'POST',
  route: 'v1/projects/{projectId}/chapters/{chapterId}/merge-next',
  summary: 'Append the next chapter to this one (texts concatenated exactly); the next chapter goes away',
  tags: ['chapters'],
  access: 'tenant',
  params: ChapterParams,
  objects: { projectId: 'project' },
  ifMatch: 'optional',
  responses: { 200: { description: 'The merged chapter', schema: ChapterView }, ...editErrors },
  async handle({ principal, params, ifMatch, services }) {
    return chapter(await services.chapters.mergeNext(principal, params.projectId, params.chapterId, ifMatch));
  },
});

endpoint({
  operationId: 'splitChapter',
  method: 'POST',
  route: 'v1/projects/{projectId}/chapters/{chapterId}/split',
  summary: 'Split at a UTF-16 offset inside the text; the rest becomes a new chapter right after this one',
  tags: ['chapters'],
  access: 'tenant',
  params: ChapterParams,
  body: { kind: 'json', schema: SplitChapterRequest },
  objects: { projectId: 'project' },
  ifMatch: 'optional',
  responses: { 201: { description: 'The two chapters', schema: SplitChapterResponse }, ...editErrors },
  async handle({ principal, params, body, ifMatch, services }) {
    const { first, second } = await services.chapters.split(
      principal,
      params.projectId,
      params.chapterId,
      body,
      ifMatch,
    );
    return {
      status: 201,
      json: { first: toChapterView(first), second: toChapterView(second) },
      headers: { Location: `/api/v1/projects/${params.projectId}/chapters/${second.id}` },
    };
  },
});

endpoint({
  operationId: 'getChapterSpokenForm',
  method: 'GET',
  route: 'v1/projects/{projectId}/chapters/{chapterId}/spoken',
  summary: 'Preview of what will be spoken: numbers, abbreviations and symbols expanded in the book language',
  tags: ['chapters'],
  access: 'tenant',
  params: ChapterParams,
  query: SpokenPreviewQuery,
  objects: { projectId: 'project' },
  responses: { 200: { description: 'A page of paragraphs with their spoken form', schema: SpokenPreview } },
  async handle({ principal, params, query, services }) {
    const preview = await services.chapters.spokenPreview(principal, params.projectId, params.chapterId, query);
    return {
      status: 200,
      json: {
        chapterId: params.chapterId,
        language: preview.language,
        heading: preview.heading,
        paragraphs: preview.paragraphs,
        totalParagraphs: preview.total,
      },
    };
  },
});
