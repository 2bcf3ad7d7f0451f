import { useTranslations } from 'next-intl';
import { PANEL } from '../_components/ui';

/**
 * A lead's way from an incident to the status page: opens the publish form
 * knowing only which incident it is about — every public word is typed there.
 */
export function PublishLink({ room, incidentId, number }: { room: string; incidentId: string; number: number }) {
  const t = useTranslations('statusAdmin');
  const href = `/rooms/${encodeURIComponent(room)}/status?publish=${encodeURIComponent(incidentId)}&number=${number}#publish`;
  return (
    <section className={`${PANEL} p-3`}>
      <a className="btn" href={href} data-testid="publish-status">
        {t('publish')}
      </a>
    </section>
  );
}
