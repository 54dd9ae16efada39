import { readFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * The parts of `staticwebapp.config.json` the local server honours, so local and Azure serve the same headers and
 * the same SPA fallback from one file.
 */
export interface SwaRules {
  globalHeaders: Record<string, string>;
  /** Index file for client-side routes; null turns the fallback off. */
  fallbackPath: string | null;
  /** Paths that must 404 rather than fall back to the app (API, assets, files with extensions). */
  isFallbackExcluded(pathname: string): boolean;
}

interface SwaConfigFile {
  globalHeaders?: Record<string, unknown>;
  navigationFallback?: { rewrite?: unknown; exclude?: unknown };
}

/** SWA route globs: `*` is any run of characters, `{a,b}` is an alternative. */
export function globToRegExp(glob: string): RegExp {
  let pattern = '';
  for (let i = 0; i < glob.length; i += 1) {
    const ch = glob[i];
    if (ch === '*') pattern += '.*';
    else if (ch === '{') {
      const end = glob.indexOf('}', i);
      if (end < 0) throw new Error(`Unclosed "{" in route pattern ${glob}`);
      pattern += `(?:${glob
        .slice(i + 1, end)
        .split(',')
        .map(escapeRegExp)
        .join('|')})`;
      i = end;
    } else pattern += escapeRegExp(ch);
  }
  return new RegExp(`^${pattern}$`, 'i');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function parseSwaConfig(json: string): SwaRules {
  const config = JSON.parse(json) as SwaConfigFile;
  const globalHeaders: Record<string, string> = {};
  for (const [name, value] of Object.entries(config.globalHeaders ?? {})) {
    if (typeof value === 'string') globalHeaders[name] = value;
  }
  const rewrite = config.navigationFallback?.rewrite;
  const excludes = Array.isArray(config.navigationFallback?.exclude)
    ? (config.navigationFallback.exclude as unknown[]).filter((item): item is string => typeof item === 'string')
    : [];
  const excluded = excludes.map(globToRegExp);
  return {
    globalHeaders,
    fallbackPath: typeof rewrite === 'string' ? rewrite : null,
    isFallbackExcluded: (pathname) => excluded.some((pattern) => pattern.test(pathname)),
  };
}

/** Looks beside the build output first (if the config was copied there), then in the web project folder. */
export async function loadSwaRules(distDir: string, explicitPath?: string): Promise<SwaRules> {
  const candidates = explicitPath
    ? [explicitPath]
    : [path.join(distDir, 'staticwebapp.config.json'), path.join(distDir, '..', 'staticwebapp.config.json')];
  for (const candidate of candidates) {
    try {
      return parseSwaConfig(await readFile(candidate, 'utf8'));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  throw new Error(`staticwebapp.config.json not found (looked in ${candidates.join(', ')})`);
}
