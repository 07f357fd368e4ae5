/**
 * "À traiter": everything that needs a person, most urgent first (skeleton: the list is
 * filled by {@link QueueSource}).
 */
import type { VNode } from 'preact';
import { t } from '../../../services/i18n';
import type { ConsoleRequest } from '../contract';
import { ConsoleLayout } from '../layout';

/** The queue page with no item yet. */
export function queuePage(request: ConsoleRequest): VNode {
  return (
    <ConsoleLayout staff={request.staff} csrf={request.csrf} section="queue" title={t('console.queue.title')}>
      <p>{t('console.queue.empty')}</p>
    </ConsoleLayout>
  );
}
