import type { ReactNode } from 'react';

type Tone = 'error' | 'warning' | 'success' | 'info';

/** Errors and warnings interrupt screen readers (`alert`); confirmations are announced politely (`status`). */
export function Alert({ tone, title, children }: { tone: Tone; title?: string; children?: ReactNode }) {
  const role = tone === 'error' || tone === 'warning' ? 'alert' : 'status';
  return (
    <div className={`alert alert--${tone}`} role={role}>
      {title && <p className="alert__title">{title}</p>}
      {children && <div className="alert__body">{children}</div>}
    </div>
  );
}
