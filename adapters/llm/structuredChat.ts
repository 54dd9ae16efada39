/**
 * One structured-output chat call: strict JSON schema from zod, the reply parsed and validated with the same schema,
 * transient HTTP failures retried, and an invalid reply (bad JSON, schema mismatch, truncation, refusal) asked again a
 * bounded number of times. Usage is summed over every completed call, valid or not.
 */
import type OpenAI from 'openai';
import { zodResponseFormat } from 'openai/helpers/zod';
import type { z } from 'zod';
import type { TokenUsage } from '../../core/ports/analysis';
import { DEFAULT_RETRY_POLICY, withRetries, type RetryObserver, type RetryPolicy } from './retry';

export interface StructuredChatOptions {
  temperature: number;
  retry?: RetryPolicy;
  /** Extra requests after a reply that fails validation. */
  invalidOutputRetries?: number;
  maxOutputTokens?: number;
  onRetry?: RetryObserver;
}

export interface StructuredRequest<Schema extends z.ZodType> {
  deployment: string;
  system: string;
  user: string;
  schemaName: string;
  schema: Schema;
}

export interface StructuredReply<T> {
  /** Undefined when every attempt produced an invalid reply. */
  value: T | undefined;
  usage: TokenUsage;
  problems: string[];
}

const INVALID_REPLY_NOTE =
  'Your previous reply did not match the required JSON schema. Reply again with JSON that matches it exactly.';

export class StructuredChat {
  constructor(
    private readonly client: OpenAI,
    private readonly options: StructuredChatOptions,
  ) {}

  async complete<Schema extends z.ZodType>(
    request: StructuredRequest<Schema>,
    signal?: AbortSignal,
  ): Promise<StructuredReply<z.output<Schema>>> {
    const usage: TokenUsage = { promptTokens: 0, completionTokens: 0, model: request.deployment, calls: 0 };
    const problems: string[] = [];
    const responseFormat = zodResponseFormat(request.schema, request.schemaName);
    const attempts = 1 + (this.options.invalidOutputRetries ?? 2);
    for (let attempt = 0; attempt < attempts; attempt++) {
      const system = attempt === 0 ? request.system : `${request.system}\n\n${INVALID_REPLY_NOTE}`;
      const completion = await withRetries(
        () =>
          this.client.chat.completions.create(
            {
              model: request.deployment,
              temperature: this.options.temperature,
              max_tokens: this.options.maxOutputTokens ?? 8192,
              response_format: responseFormat,
              messages: [
                { role: 'system', content: system },
                { role: 'user', content: request.user },
              ],
            },
            { signal },
          ),
        this.options.retry ?? DEFAULT_RETRY_POLICY,
        signal,
        this.options.onRetry,
      );
      usage.calls++;
      usage.promptTokens += completion.usage?.prompt_tokens ?? 0;
      usage.completionTokens += completion.usage?.completion_tokens ?? 0;
      if (completion.model) usage.model = completion.model;
      const problem = validate(completion, request.schema);
      if (problem.ok) return { value: problem.value, usage, problems };
      problems.push(problem.reason);
    }
    return { value: undefined, usage, problems };
  }
}

type Validation<T> = { ok: true; value: T } | { ok: false; reason: string };

function validate<Schema extends z.ZodType>(
  completion: OpenAI.Chat.Completions.ChatCompletion,
  schema: Schema,
): Validation<z.output<Schema>> {
  const choice = completion.choices[0];
  if (!choice) return { ok: false, reason: 'no choices' };
  if (choice.finish_reason !== 'stop') return { ok: false, reason: `finish_reason ${choice.finish_reason}` };
  if (choice.message.refusal) return { ok: false, reason: 'refusal' };
  const content = choice.message.content;
  if (typeof content !== 'string') return { ok: false, reason: 'empty content' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(content);
  } catch {
    return { ok: false, reason: 'content is not JSON' };
  }
  const result = schema.safeParse(parsed);
  if (!result.success) return { ok: false, reason: `schema: ${result.error.issues[0]?.message ?? 'invalid'}` };
  return { ok: true, value: result.data };
}
