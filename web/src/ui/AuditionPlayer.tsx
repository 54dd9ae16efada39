import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionLabel } from './ActionLabel';
import { useErrorText } from './errorText';

/**
 * A button that fetches a short sample (the API needs the bearer token, so it cannot be a plain `src`) and plays it
 * in an `<audio>` element with controls, so it can be replayed, paused or, where the browser blocks autoplay,
 * started by hand.
 */
export function AuditionPlayer({
  label,
  shortLabel,
  load,
}: {
  /** The accessible name: says what is heard ("Listen to en-GB-Female1"). */
  label: string;
  /** A shorter visible word ("Listen") where rows repeat the same action; part of `label`. */
  shortLabel?: string;
  load(signal: AbortSignal): Promise<Blob>;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [url, setUrl] = useState<string | null>(null);
  const [state, setState] = useState<'idle' | 'loading' | 'error'>('idle');
  const [error, setError] = useState<unknown>(null);
  const audioRef = useRef<HTMLAudioElement>(null);
  const abortRef = useRef<AbortController | null>(null);

  useEffect(() => () => abortRef.current?.abort(), []);
  useEffect(() => {
    if (!url) return undefined;
    void audioRef.current?.play().catch(() => undefined);
    return () => URL.revokeObjectURL(url);
  }, [url]);

  const start = async () => {
    abortRef.current?.abort();
    const controller = new AbortController();
    abortRef.current = controller;
    setState('loading');
    try {
      const blob = await load(controller.signal);
      setUrl(URL.createObjectURL(blob));
      setState('idle');
    } catch (cause) {
      if (cause instanceof DOMException && cause.name === 'AbortError') return;
      setError(cause);
      setState('error');
    }
  };

  return (
    <span className="audition">
      <button
        type="button"
        className="button button--secondary button--small"
        onClick={() => void start()}
        disabled={state === 'loading'}
        aria-busy={state === 'loading'}
      >
        <span aria-hidden="true">▶ </span>
        {state === 'loading' ? (
          t('audition.loading')
        ) : shortLabel ? (
          <ActionLabel visible={shortLabel} full={label} />
        ) : (
          label
        )}
      </button>
      {url && (
        <audio
          ref={audioRef}
          className="audition__audio"
          controls
          src={url}
          aria-label={label}
          data-testid="audition-audio"
        />
      )}
      {state === 'error' && (
        <span className="field__error" role="alert">
          {errorText(error)}
        </span>
      )}
    </span>
  );
}
