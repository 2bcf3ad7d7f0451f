'use client';

import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { forgetErrorFrames } from '@/lib/client/forget-frames';
import { CjkFonts } from './_fonts/cjk-fonts';

export function Providers({ children }: { children: React.ReactNode }) {
  const [client] = useState(() => {
    const qc = new QueryClient({
      defaultOptions: {
        // Live data arrives by socket; refetching on focus would only race it.
        queries: { refetchOnWindowFocus: false, retry: 1, staleTime: Infinity },
      },
    });
    // An error kept in a query's state (a fetch during a restart) must not keep the render that made its query
    // function: a wall runs for weeks (forget-frames.ts).
    forgetErrorFrames(qc);
    return qc;
  });
  return (
    <QueryClientProvider client={client}>
      {children}
      <CjkFonts />
    </QueryClientProvider>
  );
}
