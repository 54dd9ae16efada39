/**
 * A short visible label ("Edit") on a button whose accessible name says what it acts on ("Edit Mr. Darcy"): the
 * visible word is part of the name, so speech-input users can say what they see.
 */
export function ActionLabel({ visible, full }: { visible: string; full: string }) {
  return (
    <>
      <span aria-hidden="true">{visible}</span>
      <span className="visually-hidden">{full}</span>
    </>
  );
}
