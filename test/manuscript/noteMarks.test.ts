import { htmlToBlocks } from '../../adapters/manuscript/html';

/** What the HTML reader (HTML, EPUB and DOCX alike) makes of notes' marks and labels. */
describe('a note is labelled by the mark its reference printed', () => {
  it('gives a note its reference mark when the note does not print it (the DOCX converter numbers by list)', () => {
    const { notes } = htmlToBlocks(
      '<p>A word<sup><a href="#footnote-2" id="footnote-ref-2">[1]</a></sup> more.</p>' +
        '<ol><li id="footnote-2"><p> First note. <a href="#footnote-ref-2">↑</a></p></li></ol>',
    );
    expect(notes).toEqual(['[1] First note.']);
  });

  it('does not label twice a note that opens with its mark, and does label one opening with another number', () => {
    const { notes } = htmlToBlocks(
      '<p>One<a class="fnanchor" href="#a1">[1]</a> two<a class="fnanchor" href="#a2">[2]</a>.</p>' +
        '<div class="footnote" id="a1"><p>[1] Printed mark.</p></div>' +
        '<div class="footnote" id="a2"><p>2000 sheep were sold.</p></div>',
    );
    expect(notes).toEqual(['[1] Printed mark.', '[2] 2000 sheep were sold.']);
  });
});
