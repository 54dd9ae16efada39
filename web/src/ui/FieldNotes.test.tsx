import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FieldNotes } from './FieldNotes';

describe('FieldNotes', () => {
  it('keeps each date format of a hint and of an error on one line, the rest free to wrap', () => {
    const { container } = render(
      <FieldNotes
        hintId="hint"
        hint="AAAA, AAAA-MM o AAAA-MM-DD."
        errorId="error"
        error="Usa AAAA, AAAA-MM o AAAA-MM-DD, y una fecha real (2025-03-14)."
      />,
    );
    const whole = (id: string) => Array.from(container.querySelectorAll(`#${id} .nowrap`), (span) => span.textContent);
    expect(whole('hint')).toEqual(['AAAA-MM', 'AAAA-MM-DD']);
    expect(whole('error')).toEqual(['AAAA-MM', 'AAAA-MM-DD', '2025-03-14']);
    expect(container.querySelector('#hint')?.textContent).toBe('AAAA, AAAA-MM o AAAA-MM-DD.');
  });

  it('leaves a word with a hyphen in ordinary text as it is', () => {
    const { container } = render(<FieldNotes hintId="hint" hint="Your e-mail address." errorId="error" />);
    expect(container.querySelectorAll('.nowrap')).toHaveLength(0);
  });
});
