/**
 * The entries module's notices (services/entries/notices.ts) in French.
 */
import type { EntryNotice } from '../../services/entries';
import { t } from '../../services/i18n';
import { PayloadPrefix } from '../payload';
import { categoryName, choice, menuChoices, withChoices, withMenu } from '../replies';
import type { NoticeRenderers } from './renderers';

/** One renderer per entries notice. */
export const ENTRY_NOTICES: NoticeRenderers<EntryNotice> = {
  'entries.renewalAsked': (notice) =>
    withChoices(
      t('jobs.expireEntries.ask', { category: categoryName(notice.category), days: notice.graceDays }),
      [
        choice(t('jobs.expireEntries.renew'), `${PayloadPrefix.entryRenew}${notice.entryId}`),
        choice(t('jobs.expireEntries.close'), `${PayloadPrefix.entryClose}${notice.entryId}`),
      ],
    ),
  'entries.closedByExpiry': (notice) =>
    withMenu(t(`jobs.expireEntries.closed.${notice.kind}`, { category: categoryName(notice.category) })),
  'entries.offerUsedUp': (notice) =>
    // Its two answers, then the menu: the helper may as well move on.
    withChoices(t('offerUsedUp.ask', { category: categoryName(notice.category) }), [
      choice(t('offerUsedUp.republish'), `${PayloadPrefix.entryRepublish}${notice.entryId}`),
      choice(t('offerUsedUp.regular'), `${PayloadPrefix.entryRegular}${notice.entryId}`),
      ...menuChoices(),
    ]),
};
