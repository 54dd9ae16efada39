import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import i18n from '../i18n';
import { testProject } from '../test/render';
import { CoverPanel } from './CoverPanel';

const project = testProject({
  cover: {
    width: 2400,
    height: 2400,
    originalFormat: 'png',
    uploadedAt: '2025-01-01T00:00:00.000Z',
    variants: ['original', 'retail', 'thumbnail'],
    warnings: ['converted from cmyk to sRGB', 'transparency flattened onto white'],
    notes: [
      { code: 'cover_color_space_converted', params: { space: 'cmyk' }, message: 'converted from cmyk to sRGB' },
      { code: 'cover_transparency_flattened', params: {}, message: 'transparency flattened onto white' },
    ],
  },
});

afterEach(async () => {
  await i18n.changeLanguage('en-US');
});

describe('the cover panel', () => {
  it('says what the conversion changed in the reader’s language, from the notes’ codes', async () => {
    await i18n.changeLanguage('pt-BR');
    render(
      <QueryClientProvider client={new QueryClient()}>
        <CoverPanel project={project} canEdit={false} />
      </QueryClientProvider>,
    );
    expect(screen.getByText('As cores foram convertidas de CMYK para sRGB.')).toBeTruthy();
    expect(screen.getByText('A transparência foi achatada sobre fundo branco.')).toBeTruthy();
    expect(screen.queryByText(/converted from|flattened onto/)).toBeNull();
  });

  it('writes the cover’s pixel sizes and the upload hint’s with the reader’s thousands separator', async () => {
    await i18n.changeLanguage('pt-BR');
    render(
      <QueryClientProvider client={new QueryClient()}>
        <CoverPanel project={project} canEdit />
      </QueryClientProvider>,
    );
    expect(screen.getByText('2.400 × 2.400 px, PNG')).toBeTruthy();
    expect(screen.getByText(/pelo menos 2\.400 × 2\.400 px \(recomendado 3\.000 × 3\.000\)/)).toBeTruthy();
    expect(screen.queryByText(/\b2400\b|\b3000\b/)).toBeNull();
  });
});
