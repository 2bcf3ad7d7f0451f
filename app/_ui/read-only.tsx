import type { ReactNode } from 'react';

/**
 * A part of a page that cannot be written to (an archived room): a disabled
 * fieldset disables every control inside it by the browser's own rule, so no
 * button or field is missed; `contents` keeps the layout as it was.
 */
export function ReadOnly({ children }: { children: ReactNode }) {
  return (
    <fieldset disabled className="contents" data-testid="room-read-only">
      {children}
    </fieldset>
  );
}
