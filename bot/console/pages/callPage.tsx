/**
 * "Appeler": the resident's phone, shown to the referent who took the task (the view is
 * audited by the route), with the task's outcome form.
 */
import type { VNode } from 'preact';
import { t } from '../../../services/i18n';
import type { Task } from '../../../services/tasks';
import { taskReasonLabel } from '../../../dialogs/notices/tasks';
import type { ConsoleRequest } from '../contract';
import { ConsoleLayout, consolePath } from '../layout';

/** The page with the number to call. */
export function callPage(request: ConsoleRequest, task: Task, phone: string): VNode {
  return (
    <ConsoleLayout staff={request.staff} csrf={request.csrf} section="queue" title={t('console.call.title')}>
      <p>{taskReasonLabel(task.reason)}</p>
      <p class="phone">
        <a href={`tel:${phone.replace(/[^+\d]/g, '')}`}>{phone}</a>
      </p>
      <p>{t('console.call.private')}</p>
      <p>
        <a href={consolePath('/')}>{t('console.error.back')}</a>
      </p>
    </ConsoleLayout>
  );
}
