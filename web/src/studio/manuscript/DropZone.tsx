import { useId, useState, type DragEvent } from 'react';

interface DropZoneProps {
  /** The visible button text; also the file input's accessible name. */
  label: string;
  prompt: string;
  hint: string;
  accept: string[];
  disabled?: boolean;
  onFile(file: File): void;
}

/** Drop a file on the area, or use the button (keyboard and screen readers reach the real file input). */
export function DropZone({ label, prompt, hint, accept, disabled, onFile }: DropZoneProps) {
  const inputId = useId();
  const hintId = useId();
  const [over, setOver] = useState(false);
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    const file = event.dataTransfer.files[0];
    if (file && !disabled) onFile(file);
  };
  return (
    <div
      className={`dropzone${over ? ' dropzone--over' : ''}${disabled ? ' dropzone--disabled' : ''}`}
      onDragOver={(event) => {
        event.preventDefault();
        if (!disabled) setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <p className="dropzone__prompt">{prompt}</p>
      <label htmlFor={inputId} className="button button--primary">
        {label}
      </label>
      <input
        id={inputId}
        className="visually-hidden"
        type="file"
        accept={accept.join(',')}
        aria-describedby={hintId}
        disabled={disabled}
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) onFile(file);
        }}
      />
      <p id={hintId} className="field__hint">
        {hint}
      </p>
    </div>
  );
}
