/** A labelled progress bar; without a value it shows activity without claiming how far along it is. */
export function ProgressBar({ label, value, detail }: { label: string; value: number | null; detail?: string }) {
  const percent = value === null ? undefined : Math.round(Math.min(1, Math.max(0, value)) * 100);
  return (
    <div className="progress">
      <div
        className={percent === undefined ? 'progress__track progress__track--busy' : 'progress__track'}
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={detail}
      >
        <span className="progress__fill" style={{ width: percent === undefined ? '35%' : `${percent}%` }} />
      </div>
      {detail && <span className="progress__detail small muted">{detail}</span>}
    </div>
  );
}
