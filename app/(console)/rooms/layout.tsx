import { ClientWords } from '../_lang/client-words';

/** The console's words for this section's client components (the frame above carries the nav bar's only). */
export default function SectionLayout({ children }: { children: React.ReactNode }) {
  return <ClientWords>{children}</ClientWords>;
}
