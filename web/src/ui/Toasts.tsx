import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useToastPlace } from './toastPlacement';

type ToastTone = 'success' | 'error' | 'info';
interface Toast {
  id: number;
  tone: ToastTone;
  message: string;
}

interface ToastApi {
  /** Shows a toast; its id lets the page take it away early (a toast about a line of a chapter no longer shown). */
  show(message: string, tone?: ToastTone): number;
  dismiss(id: number): void;
}

const ToastContext = createContext<ToastApi>({ show: () => 0, dismiss: () => undefined });

const TOAST_MS = 6000;

/**
 * Short confirmations ("Saved", "Speaker changed") announced to screen readers through one polite live region;
 * errors use the assertive one. Each can be dismissed; they also leave on their own. They stand in the corner of
 * the window where they cover no field (never the one being typed in), or along its side where every corner covers a
 * control (`toastPlacement.ts`).
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [toasts, setToasts] = useState<Toast[]>([]);
  const next = useRef(1);
  const stack = useRef<HTMLDivElement>(null);
  const { corner, offset } = useToastPlace(stack, toasts.map((toast) => toast.id).join(' '));
  const dismiss = useCallback((id: number) => setToasts((list) => list.filter((toast) => toast.id !== id)), []);
  const api = useMemo<ToastApi>(
    () => ({
      show(message, tone = 'success') {
        const id = next.current++;
        setToasts((list) => [...list.slice(-3), { id, tone, message }]);
        window.setTimeout(() => dismiss(id), TOAST_MS);
        return id;
      },
      dismiss,
    }),
    [dismiss],
  );
  const region = (tones: ToastTone[], live: 'polite' | 'assertive') => (
    <div className="toasts" role={live === 'polite' ? 'status' : 'alert'} aria-live={live}>
      {toasts
        .filter((toast) => tones.includes(toast.tone))
        .map((toast) => (
          <div key={toast.id} className={`toast toast--${toast.tone}`}>
            <span>{toast.message}</span>
            <button
              type="button"
              className="toast__close"
              aria-label={t('actions.dismiss')}
              onClick={() => dismiss(toast.id)}
            >
              ×
            </button>
          </div>
        ))}
    </div>
  );
  return (
    <ToastContext.Provider value={api}>
      {children}
      <div
        ref={stack}
        className={`toasts-stack toasts-stack--${corner}`}
        data-corner={corner}
        data-offset={offset}
        // Raised or lowered along the window's side, off the controls every corner covers (toastPlacement.ts).
        style={
          offset > 0
            ? { [corner.startsWith('top') ? 'top' : 'bottom']: `calc(var(--space-4) + ${offset}px)` }
            : undefined
        }
      >
        {region(['success', 'info'], 'polite')}
        {region(['error'], 'assertive')}
      </div>
    </ToastContext.Provider>
  );
}

export function useToast(): ToastApi {
  return useContext(ToastContext);
}
