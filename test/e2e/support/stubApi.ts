import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import {
  CreateProjectRequest,
  ListProjectsQuery,
  SetMembersRequest,
  UpdateProjectRequest,
  type ProjectView,
} from '../../../core/api/projects';
import {
  callerFrom,
  HttpError,
  readBody,
  readJson,
  sendError,
  sendJson,
  validationError,
  type Caller,
} from './stubHttp';

/**
 * An in-memory stand-in for the projects API (same paths, shapes, status codes and error bodies), used by the browser
 * tests until the whole local platform can be started from a test. Request bodies are validated with core's zod
 * schemas, so the web meets the real validation messages.
 */

export interface StubApiOptions {
  authConfig: {
    mode: 'local';
    issuer: string;
    authorizationEndpoint: string;
    clientId: string;
    audience: string;
    scope: string;
  };
  tenants: readonly { id: string; name: string }[];
  tenantClaim: string;
  rolesClaim: string;
}

export interface StubApi {
  url: string;
  stop(): Promise<void>;
}

interface StoredProject {
  tenantId: string;
  version: number;
  view: ProjectView;
  covers: Map<string, Buffer>;
}

const PERMISSIONS: Record<string, string[]> = {
  admin: ['projects.create', 'projects.update', 'projects.archive', 'projects.restore', 'users.manage'],
  creator: ['projects.create', 'projects.update', 'projects.archive'],
  validator: [],
};
const MIN_COVER_PX = 2400;
const MAX_COVER_BYTES = 40 * 1024 * 1024;

export async function startStubApi(options: StubApiOptions): Promise<StubApi> {
  const projects = new Map<string, StoredProject>();

  const visible = (caller: Caller, stored: StoredProject) =>
    stored.tenantId === caller.tenantId &&
    (caller.role === 'admin' ||
      (caller.role === 'creator' &&
        (stored.view.ownerId === caller.userId || stored.view.memberIds.includes(caller.userId))) ||
      (caller.role === 'validator' && stored.view.validatorIds.includes(caller.userId)));
  const mayChange = (caller: Caller, stored: StoredProject) =>
    caller.role === 'admin' || (caller.role === 'creator' && stored.view.ownerId === caller.userId);

  function load(caller: Caller, id: string): StoredProject {
    const stored = projects.get(id);
    if (!stored || !visible(caller, stored)) throw new HttpError(404, 'not_found', 'Project was not found');
    return stored;
  }
  function requireChange(caller: Caller, stored: StoredProject, permission: string) {
    if (!PERMISSIONS[caller.role ?? '']?.includes(permission) || !mayChange(caller, stored)) {
      throw new HttpError(403, 'forbidden', 'You are not allowed to do this');
    }
  }
  function touch(stored: StoredProject) {
    stored.version += 1;
    stored.view.updatedAt = new Date().toISOString();
    stored.view.etag = `"${stored.version}"`;
  }
  const sendProject = (res: http.ServerResponse, stored: StoredProject, status = 200) =>
    sendJson(res, status, stored.view, { etag: stored.view.etag });

  async function route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://stub.invalid');
    const method = req.method ?? 'GET';
    if (method === 'GET' && url.pathname === '/api/v1/auth/config') return sendJson(res, 200, options.authConfig);
    const caller = callerFrom(req, options.tenantClaim, options.rolesClaim);

    if (method === 'GET' && url.pathname === '/api/v1/me') {
      const tenant = options.tenants.find((candidate) => candidate.id === caller.tenantId);
      return sendJson(res, 200, {
        principal: {
          kind: caller.tenantId ? 'tenant-user' : 'unaffiliated',
          ...caller,
          role: caller.role ?? undefined,
          tenantId: caller.tenantId ?? undefined,
        },
        tenant: tenant ? { ...tenant, plan: 'standard', status: 'active' } : null,
        permissions: PERMISSIONS[caller.role ?? ''] ?? [],
      });
    }
    if (url.pathname === '/api/v1/projects') {
      if (method === 'GET') return listProjects(caller, url, res);
      if (method === 'POST') return createProject(caller, req, res);
    }
    const match = /^\/api\/v1\/projects\/([A-Za-z0-9_-]{1,64})(?:\/(archive|restore|cover|members))?$/.exec(
      url.pathname,
    );
    if (!match) throw new HttpError(404, 'not_found', 'No such endpoint');
    const stored = load(caller, match[1]);
    const action = `${method} ${match[2] ?? ''}`;
    if (action === 'GET ') return sendProject(res, stored);
    if (action === 'PATCH ') return updateProject(caller, stored, req, res);
    if (action === 'POST archive' || action === 'POST restore') {
      requireChange(caller, stored, `projects.${match[2]}`);
      const archiving = match[2] === 'archive';
      if ((stored.view.status === 'archived') === archiving)
        throw new HttpError(409, 'conflict', `The project is ${archiving ? 'already' : 'not'} archived`);
      stored.view.status = archiving ? 'archived' : 'draft';
      stored.view.archivedAt = archiving ? new Date().toISOString() : null;
      touch(stored);
      return sendProject(res, stored);
    }
    if (action === 'PUT cover') return uploadCover(caller, stored, req, res);
    if (action === 'GET cover') {
      const variant = url.searchParams.get('variant') ?? 'original';
      const bytes = stored.covers.get(variant);
      if (!bytes) throw new HttpError(404, 'not_found', 'Cover was not found');
      res.writeHead(200, {
        'content-type': 'image/jpeg',
        'content-length': bytes.length,
        'cache-control': 'private, max-age=300',
      });
      return void res.end(bytes);
    }
    if (action === 'PUT members') {
      requireChange(caller, stored, 'projects.update');
      const parsed = SetMembersRequest.safeParse(await readJson(req));
      if (!parsed.success) throw validationError(parsed.error, '');
      stored.view.memberIds = parsed.data.memberIds ?? stored.view.memberIds;
      stored.view.validatorIds = parsed.data.validatorIds ?? stored.view.validatorIds;
      touch(stored);
      return sendProject(res, stored);
    }
    throw new HttpError(405, 'method_not_allowed', 'Method not allowed');
  }

  function listProjects(caller: Caller, url: URL, res: http.ServerResponse) {
    const parsed = ListProjectsQuery.safeParse(Object.fromEntries(url.searchParams));
    if (!parsed.success) throw validationError(parsed.error, '');
    const { status, q, pageSize, continuationToken, includeArchived } = parsed.data;
    const needle = q?.toLowerCase() ?? '';
    const matches = [...projects.values()]
      .filter((stored) => visible(caller, stored))
      .filter((stored) =>
        status ? stored.view.status === status : includeArchived === 'true' || stored.view.status !== 'archived',
      )
      .filter(
        ({ view }) =>
          !needle ||
          [view.metadata.title, ...view.metadata.authors].some((text) => text.toLowerCase().includes(needle)),
      )
      .sort((a, b) => b.view.updatedAt.localeCompare(a.view.updatedAt));
    const offset = continuationToken ? Number(Buffer.from(continuationToken, 'base64url').toString()) || 0 : 0;
    const items = matches.slice(offset, offset + pageSize).map((stored) => stored.view);
    const next =
      offset + pageSize < matches.length ? Buffer.from(String(offset + pageSize)).toString('base64url') : null;
    sendJson(res, 200, { items, continuationToken: next });
  }

  async function createProject(caller: Caller, req: http.IncomingMessage, res: http.ServerResponse) {
    if (!caller.tenantId || !PERMISSIONS[caller.role ?? '']?.includes('projects.create')) {
      throw new HttpError(403, 'forbidden', 'You are not allowed to create projects');
    }
    const parsed = CreateProjectRequest.safeParse(await readJson(req));
    if (!parsed.success) throw validationError(parsed.error, '');
    const now = new Date().toISOString();
    const steps = (
      ['metadata', 'manuscript', 'characters', 'casting', 'planning', 'production', 'packaging'] as const
    ).map((step) => ({
      step,
      state: step === 'metadata' ? ('complete' as const) : ('not_started' as const),
      detail: null,
    }));
    const stored: StoredProject = {
      tenantId: caller.tenantId,
      version: 1,
      covers: new Map(),
      view: {
        id: randomUUID().replace(/-/g, ''),
        status: 'draft',
        metadata: parsed.data.metadata,
        cover: null,
        ownerId: caller.userId,
        memberIds: [],
        validatorIds: [],
        workflow: { steps, currentStep: 'manuscript' },
        archivedAt: null,
        createdAt: now,
        updatedAt: now,
        etag: '"1"',
      },
    };
    projects.set(stored.view.id, stored);
    sendProject(res, stored, 201);
  }

  async function updateProject(
    caller: Caller,
    stored: StoredProject,
    req: http.IncomingMessage,
    res: http.ServerResponse,
  ) {
    requireChange(caller, stored, 'projects.update');
    const ifMatch = req.headers['if-match'];
    if (!ifMatch) throw new HttpError(428, 'precondition_required', 'Send If-Match with the ETag you last read');
    if (ifMatch !== stored.view.etag) {
      throw new HttpError(412, 'precondition_failed', 'The project was changed by someone else', {
        current: stored.view,
      });
    }
    const raw = await readJson(req);
    const parsed = UpdateProjectRequest.safeParse(raw);
    if (!parsed.success) throw validationError(parsed.error, '');
    if (stored.view.status === 'archived') throw new HttpError(409, 'conflict', 'Archived projects cannot be changed');
    // zod fills defaults into a `.partial()` object too; only the fields the client sent may change.
    const sent = Object.keys((raw as { metadata?: Record<string, unknown> }).metadata ?? {});
    const changes = Object.fromEntries(
      Object.entries(parsed.data.metadata ?? {}).filter(([key]) => sent.includes(key)),
    );
    stored.view.metadata = { ...stored.view.metadata, ...changes };
    if (parsed.data.status) stored.view.status = parsed.data.status;
    touch(stored);
    sendProject(res, stored);
  }

  async function uploadCover(
    caller: Caller,
    stored: StoredProject,
    req: http.IncomingMessage,
    res: http.ServerResponse,
  ) {
    requireChange(caller, stored, 'projects.update');
    const type = (req.headers['content-type'] ?? '').split(';')[0].trim();
    if (type !== 'image/jpeg' && type !== 'image/png')
      throw new HttpError(415, 'unsupported_media_type', 'Covers must be image/jpeg or image/png');
    const bytes = await readBody(req, MAX_COVER_BYTES);
    const info = await sharp(bytes, { limitInputPixels: 8000 * 8000 })
      .metadata()
      .catch(() => null);
    const invalid = (message: string) =>
      new HttpError(400, 'validation_failed', message, { fields: [{ field: 'cover', message }] });
    if (!info || (info.format !== 'jpeg' && info.format !== 'png') || !info.width || !info.height)
      throw invalid('The file is not a readable JPEG or PNG image');
    if (info.width !== info.height) throw invalid(`The cover must be square (got ${info.width}×${info.height})`);
    if (info.width < MIN_COVER_PX)
      throw invalid(`The cover must be at least ${MIN_COVER_PX}×${MIN_COVER_PX} px (got ${info.width}×${info.height})`);
    stored.covers.set('original', bytes);
    stored.covers.set('retail', await sharp(bytes).resize(1200, 1200).jpeg({ quality: 85 }).toBuffer());
    stored.covers.set('thumbnail', await sharp(bytes).resize(160, 160).jpeg({ quality: 80 }).toBuffer());
    stored.view.cover = {
      width: info.width,
      height: info.height,
      originalFormat: info.format,
      uploadedAt: new Date().toISOString(),
      variants: ['original', 'retail', 'thumbnail'],
      warnings: info.width < 3000 ? ['3000×3000 px is recommended for Apple Books'] : [],
    };
    touch(stored);
    sendProject(res, stored);
  }

  const server = http.createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      if (res.headersSent) return void res.destroy();
      sendError(res, error instanceof HttpError ? error : new HttpError(500, 'internal', String(error)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
