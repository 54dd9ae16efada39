import { z } from 'zod';
import { DEFAULT_TERMS_VERSION, TERMS_VERSION_PATTERN } from '../../core/privacy/consent';

/**
 * The one place that reads the environment. Everything else receives a typed `AppConfig`.
 * Local mode talks to emulators (connection strings and well-known emulator keys are allowed there);
 * Azure mode is keyless: endpoints only, credentials come from the managed identity.
 */

const url = z.string().url();
const optionalUrl = url.optional();
const boolFlag = z
  .enum(['true', 'false', '1', '0'])
  .optional()
  .transform((v) => v === 'true' || v === '1');
const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const baseSchema = z.object({
  KHIPU_MODE: z.enum(['local', 'azure']),
  DURABLE_TASK_HUB_NAME: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9]{2,44}$/, 'letters and digits, 3-45 characters, starting with a letter'),
  COSMOS_DATABASE: z.string().min(1).default('khipu'),
  BLOB_CONTAINER: z
    .string()
    .regex(/^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$/)
    .default('khipu'),
  AUTH_ISSUER: url,
  AUTH_AUDIENCE: z.string().min(1),
  /** Defaults to `{issuer}/.well-known/openid-configuration` discovery's jwks_uri when unset. */
  AUTH_JWKS_URI: optionalUrl,
  AUTH_TENANT_CLAIM: z.string().min(1).default('khipu_tenant'),
  AUTH_ROLES_CLAIM: z.string().min(1).default('roles'),
  /** The web's app registration (public client) and the sign-in page the web redirects to. */
  AUTH_CLIENT_ID: z.string().min(1).default('khipu-web'),
  AUTH_AUTHORIZATION_ENDPOINT: optionalUrl,
  AUTH_SCOPE: z.string().min(1).default('openid profile email'),
  TTS_ENGINE: z.enum(['offline', 'azure']).default('offline'),
  LLM_ENGINE: z.enum(['heuristic', 'azure-openai', 'openai-compatible']).default('heuristic'),
  SPEECH_REGION: z.string().optional(),
  SPEECH_ENDPOINT: optionalUrl,
  /** Resource id of the Speech account, needed for Entra token auth (`aad#{resourceId}#{token}`). */
  SPEECH_RESOURCE_ID: z.string().optional(),
  OPENAI_ENDPOINT: optionalUrl,
  OPENAI_DEPLOYMENT_CHARACTERS: z.string().default('gpt-4o-mini'),
  OPENAI_DEPLOYMENT_ATTRIBUTION: z.string().default('gpt-4o-mini'),
  OPENAI_TEMPERATURE: z.coerce.number().min(0).max(2).default(0),
  OPENAI_API_VERSION: z.string().default('2024-10-21'),
  APPLICATIONINSIGHTS_CONNECTION_STRING: z.string().optional(),
  AZURE_CLIENT_ID: z.string().optional(),
  FFMPEG_PATH: z.string().optional(),
  FFPROBE_PATH: z.string().optional(),
  MAX_UPLOAD_BYTES: positiveInt(50 * 1024 * 1024),
  MAX_JSON_BODY_BYTES: positiveInt(256 * 1024),
  RATE_LIMIT_PER_MINUTE: positiveInt(600),
  /** Size cap of this machine's copy of the segments it synthesized (adapters/production/segmentCache.ts). */
  SEGMENT_CACHE_MAX_BYTES: positiveInt(1024 * 1024 * 1024),
  /** Request and job logs; the CLI runs its in-process platform at `warn` so they do not drown its progress bars. */
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  /** The terms of service and privacy notice in force; people accept it before using the platform (docs/privacy.md). */
  TERMS_VERSION: z
    .string()
    .regex(TERMS_VERSION_PATTERN, 'letters, digits, ".", "_" or "-", at most 32')
    .default(DEFAULT_TERMS_VERSION),
});

const localSchema = baseSchema.extend({
  KHIPU_MODE: z.literal('local'),
  /** The dev identity provider issues working-day tokens (8 h); roles are read from the user document anyway. */
  AUTH_MAX_TOKEN_LIFETIME_SECONDS: positiveInt(8 * 3600),
  STORAGE_CONNECTION_STRING: z.string().min(1),
  COSMOS_ENDPOINT: url,
  COSMOS_KEY: z.string().min(1),
  EVENTGRID_TOPIC_ENDPOINT: url,
  EVENTGRID_TOPIC_KEY: z.string().min(1),
  /** Keys for testing Azure remote services from a laptop (never set in Azure). */
  SPEECH_KEY: z.string().optional(),
  OPENAI_API_KEY: z.string().optional(),
  WEBHOOK_ALLOW_LOOPBACK: boolFlag,
  /**
   * Fault injection for tests, off by default: each chapter's segment write in a plan job fails halfway on its first
   * attempt, so the activity is retried over a partly written plan (docs/planning.md, "Fault injection").
   */
  FAULT_INJECT_PLAN_WRITE: boolFlag,
  /**
   * Fault injection for tests, off by default: a tenant id whose productions meet a passing store error halfway
   * through each chapter's listing and mastering on the first attempt, so the retries run over half-stored output
   * (docs/reliability.md, "Retried production steps").
   */
  FAULT_INJECT_PRODUCTION_STEPS: z.string().min(1).optional(),
  /** For tests: a small lexicon entry limit, so a test reaches it without storing 5,000 entries (unset: 5,000). */
  LEXICON_MAX_ENTRIES: z.coerce.number().int().positive().optional(),
  /**
   * For tests: how long a character merge's or delete's mark holds before the next one may take it over (unset: two
   * minutes), so a test retries a merge that died without waiting that long.
   */
  CHARACTER_RETIREMENT_LEASE_MS: z.coerce.number().int().positive().optional(),
  /**
   * For tests: how old a job must be before the job sweep looks at it, and before a missing orchestration counts as
   * ended (unset: five and two minutes), so a test sweeps a job it has just stopped.
   */
  JOB_SWEEP_GRACE_MS: z.coerce.number().int().positive().optional(),
});

const forbiddenInAzure = z.undefined({ message: 'must not be set in azure mode (keyless)' }).optional();
const localTestingOnly = z.undefined({ message: 'must not be set in azure mode (local testing only)' }).optional();

const azureSchema = baseSchema.extend({
  KHIPU_MODE: z.literal('azure'),
  /** Longest `exp - iat` an accepted token may have (see docs/reliability.md, "Token lifetime and refresh"). */
  AUTH_MAX_TOKEN_LIFETIME_SECONDS: positiveInt(5400),
  STORAGE_BLOB_ENDPOINT: url,
  COSMOS_ENDPOINT: url,
  EVENTGRID_TOPIC_ENDPOINT: url,
  STORAGE_CONNECTION_STRING: forbiddenInAzure,
  COSMOS_KEY: forbiddenInAzure,
  EVENTGRID_TOPIC_KEY: forbiddenInAzure,
  SPEECH_KEY: forbiddenInAzure,
  OPENAI_API_KEY: forbiddenInAzure,
  FAULT_INJECT_PLAN_WRITE: localTestingOnly,
  FAULT_INJECT_PRODUCTION_STEPS: localTestingOnly,
  LEXICON_MAX_ENTRIES: localTestingOnly,
  CHARACTER_RETIREMENT_LEASE_MS: localTestingOnly,
  JOB_SWEEP_GRACE_MS: localTestingOnly,
});

const envSchema = z.discriminatedUnion('KHIPU_MODE', [localSchema, azureSchema]).superRefine((env, ctx) => {
  if (env.TTS_ENGINE === 'azure' && !env.SPEECH_REGION && !env.SPEECH_ENDPOINT) {
    ctx.addIssue({ code: 'custom', path: ['SPEECH_REGION'], message: 'required when TTS_ENGINE=azure' });
  }
  if (env.KHIPU_MODE === 'azure' && env.TTS_ENGINE === 'azure' && !env.SPEECH_RESOURCE_ID) {
    ctx.addIssue({
      code: 'custom',
      path: ['SPEECH_RESOURCE_ID'],
      message: 'required for keyless Speech in azure mode',
    });
  }
  if (env.LLM_ENGINE !== 'heuristic' && !env.OPENAI_ENDPOINT) {
    ctx.addIssue({ code: 'custom', path: ['OPENAI_ENDPOINT'], message: `required when LLM_ENGINE=${env.LLM_ENGINE}` });
  }
});

export type AppEnvironment = z.infer<typeof envSchema>;

export class ConfigError extends Error {
  constructor(public readonly issues: { key: string; message: string }[]) {
    super(`Invalid configuration: ${issues.map((i) => `${i.key}: ${i.message}`).join('; ')}`);
    this.name = 'ConfigError';
  }
}

/** Keys every deployment must provide (no default); used by the Bicep and local.settings checks. */
export const requiredKeysByMode = {
  local: requiredKeys(localSchema),
  azure: requiredKeys(azureSchema),
};

function requiredKeys(schema: z.ZodObject): string[] {
  return Object.entries(schema.shape)
    .filter(([, field]) => !(field as z.ZodType).safeParse(undefined).success)
    .map(([key]) => key);
}

/** All keys the config reads, for documentation and the deployment checks. */
export const allConfigKeys: string[] = [
  ...new Set([...Object.keys(localSchema.shape), ...Object.keys(azureSchema.shape)]),
].sort();

export function parseConfig(env: Record<string, string | undefined>): AppEnvironment {
  const relevant = Object.fromEntries(allConfigKeys.map((k) => [k, env[k] === '' ? undefined : env[k]]));
  const result = envSchema.safeParse(relevant);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((i) => ({ key: String(i.path[0] ?? 'KHIPU_MODE'), message: i.message })),
    );
  }
  return result.data;
}

let cached: AppEnvironment | undefined;

/** Reads `process.env` once per process; call sites get the same frozen object. */
export function getConfig(): AppEnvironment {
  cached ??= Object.freeze(parseConfig(process.env));
  return cached;
}
