import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ConsentView } from '@core/api/privacy';
import { apiFetch, apiJson } from './client';

export type Consent = z.infer<typeof ConsentView>;

export const consentKey = ['me', 'consent'] as const;

/** The terms in force and whether the signed-in person has accepted them (tenant users only). */
export function useConsent(enabled: boolean) {
  return useQuery({
    queryKey: consentKey,
    queryFn: ({ signal }) => apiJson<Consent>('/v1/me/consent', { signal }),
    enabled,
    staleTime: 60_000,
  });
}

export function useAcceptTerms() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (termsVersion: string) => apiJson<Consent>('/v1/me/consent', { method: 'PUT', json: { termsVersion } }),
    onSuccess: (consent) => {
      queryClient.setQueryData(consentKey, consent);
      // Anything asked before the acceptance was refused; ask again.
      void queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== 'me' });
    },
  });
}

/** Everything the platform holds about the signed-in person, saved as a JSON file. */
export async function downloadMyData(): Promise<void> {
  const response = await apiFetch('/v1/me/personal-data');
  const disposition = response.headers.get('content-disposition') ?? '';
  const fileName = /filename="([^"]+)"/.exec(disposition)?.[1] ?? 'khipu-personal-data.json';
  const url = URL.createObjectURL(await response.blob());
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // The click has handed the blob to the browser's download; the URL is no longer needed.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
}
