import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createBrotliCompress, createGzip, constants as zlibConstants } from 'node:zlib';
import { proxyToApi } from './apiProxy';
import { loadSwaRules, type SwaRules } from './swaConfig';

/**
 * The built Static Web App served locally the way Azure serves it: same global headers and SPA fallback (read from
 * staticwebapp.config.json) and `/api/*` forwarded to the local Functions host.
 */
export interface WebServerOptions {
  /** 0 picks a free port. */
  port: number;
  host?: string;
  /** The Vite build output (web/dist). */
  distDir: string;
  /** Where `/api/*` goes, e.g. http://127.0.0.1:7071 */
  apiBaseUrl: string;
  /** Defaults to staticwebapp.config.json in distDir, then in its parent folder. */
  swaConfigPath?: string;
}

export interface RunningWebServer {
  url: string;
  stop(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

export async function startWebServer(options: WebServerOptions): Promise<RunningWebServer> {
  const distDir = path.resolve(options.distDir);
  const indexStat = await stat(path.join(distDir, 'index.html')).catch(() => null);
  if (!indexStat?.isFile()) {
    throw new Error(`${distDir}/index.html is missing: build the web first (npm run build -w web)`);
  }
  const rules = await loadSwaRules(distDir, options.swaConfigPath);
  const apiBase = new URL(options.apiBaseUrl);

  const server = http.createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) sendText(res, 500, 'Internal server error', rules);
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const pathname = (req.url ?? '/').split('?')[0];
    if (pathname === '/api' || pathname.startsWith('/api/')) {
      proxyToApi(apiBase, req, res, rules.globalHeaders);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      sendText(res, 405, 'Method not allowed', rules);
      return;
    }
    const file = await resolveStaticFile(distDir, pathname);
    if (file === 'bad-request') return sendText(res, 400, 'Bad request', rules);
    if (file) return sendFile(req, res, file.path, file.size, rules);
    if (rules.fallbackPath && !rules.isFallbackExcluded(pathname)) {
      const fallback = await resolveStaticFile(distDir, rules.fallbackPath);
      if (fallback && fallback !== 'bad-request') return sendFile(req, res, fallback.path, fallback.size, rules);
    }
    sendText(res, 404, 'Not found', rules);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://${address.address}:${address.port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Maps a URL path to a file inside distDir; anything that would leave distDir is treated as absent. */
async function resolveStaticFile(
  distDir: string,
  pathname: string,
): Promise<{ path: string; size: number } | null | 'bad-request'> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return 'bad-request';
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return 'bad-request';
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const candidate = path.resolve(distDir, relative);
  if (candidate !== distDir && !candidate.startsWith(distDir + path.sep)) return null;
  const info = await stat(candidate).catch(() => null);
  if (!info?.isFile()) return null;
  return { path: candidate, size: info.size };
}

function baseHeaders(rules: SwaRules): Record<string, string> {
  return { ...rules.globalHeaders };
}

/** Text assets shrink to a fraction compressed (as Static Web Apps serves them); images and fonts already are. */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.map', '.svg', '.txt', '.webmanifest']);
const MIN_COMPRESS_BYTES = 1024;

function chooseEncoding(req: IncomingMessage, extension: string, size: number): 'br' | 'gzip' | null {
  if (!COMPRESSIBLE.has(extension) || size < MIN_COMPRESS_BYTES) return null;
  const accepted = String(req.headers['accept-encoding'] ?? '').toLowerCase();
  if (/(^|[\s,])br(\s*;\s*q=(?!0(\.0*)?\b)[\d.]+)?\s*(,|$)/.test(accepted)) return 'br';
  if (/(^|[\s,])gzip(\s*;\s*q=(?!0(\.0*)?\b)[\d.]+)?\s*(,|$)/.test(accepted)) return 'gzip';
  return null;
}

function sendFile(req: IncomingMessage, res: ServerResponse, filePath: string, size: number, rules: SwaRules): void {
  const extension = path.extname(filePath).toLowerCase();
  // Vite puts a content hash in every asset name, so those never change; index.html must always be revalidated.
  const immutable = filePath.includes(`${path.sep}assets${path.sep}`);
  const encoding = chooseEncoding(req, extension, size);
  res.writeHead(200, {
    ...baseHeaders(rules),
    'content-type': CONTENT_TYPES[extension] ?? 'application/octet-stream',
    ...(encoding ? { 'content-encoding': encoding } : { 'content-length': size }),
    ...(COMPRESSIBLE.has(extension) ? { vary: 'Accept-Encoding' } : {}),
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const stream = createReadStream(filePath);
  stream.on('error', () => res.destroy());
  if (!encoding) {
    stream.pipe(res);
    return;
  }
  const compressor =
    encoding === 'br'
      ? createBrotliCompress({ params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 5 } })
      : createGzip({ level: 6 });
  compressor.on('error', () => res.destroy());
  stream.pipe(compressor).pipe(res);
}

function sendText(res: ServerResponse, status: number, text: string, rules: SwaRules): void {
  res.writeHead(status, {
    ...baseHeaders(rules),
    'content-type': 'text/plain; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}
