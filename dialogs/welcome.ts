/**
 * The welcome: a returning resident is greeted as known, with what they have open ("Vous
 * avez 1 offre en ligne (courses)…") and a neighbour's request waiting for their answer.
 */
import type { Category } from '../services/domain/types';
import { t } from '../services/i18n';
import type { EntriesPort, MatchingPort, ResidentsPort, StoredEntry } from './ports';
import { categoryName } from './replies';

/** What the welcome reads. */
export interface WelcomeDeps {
  residents: Pick<ResidentsPort, 'get'>;
  entries: Pick<EntriesPort, 'listByResident'>;
  matching: Pick<MatchingPort, 'pendingRequestFor'>;
}

/**
 * The welcome for `psid`: as known when they were here before, else the first one.
 *
 * @remarks
 * Someone without a resident document has nothing else to list: an entry is stored only for
 * a resident (its registration sets their contact, which needs the document), a request is
 * put to the helper of an offer, and the erasure deletes the entries and anonymises the
 * matches before the resident. So a newcomer's welcome costs one read, and a returning
 * resident's entries and waiting request are read only once they are known.
 */
export async function welcomeText(deps: WelcomeDeps, psid: string): Promise<string> {
  const resident = await deps.residents.get(psid);
  if (!resident) return t('greeting.welcomeNoName');
  const [entries, request] = await Promise.all([
    deps.entries.listByResident(psid),
    deps.matching.pendingRequestFor(psid),
  ]);
  const open = entries.filter((entry) => entry.status === 'pending_review' || entry.status === 'published');
  const parts = [
    countOf(
      open.filter((entry) => entry.kind === 'offer'),
      'greeting.backOffers',
    ),
    countOf(
      open.filter((entry) => entry.kind === 'need'),
      'greeting.backNeeds',
    ),
  ].filter((part): part is string => part !== undefined);
  return [
    t('greeting.welcomeBack'),
    ...(parts.length > 0
      ? [t('greeting.backEntries', { list: parts.join(t('greeting.backAnd')) }), t('greeting.backManage')]
      : []),
    ...(request ? [t('greeting.backRequest')] : []),
    t('greeting.menuPrompt'),
  ].join('\n');
}

/** "1 offre en ligne (courses)", "2 demandes en cours (courses, impressions)", or nothing. */
function countOf(entries: StoredEntry[], key: string): string | undefined {
  if (entries.length === 0) return undefined;
  const categories = [...new Set<Category>(entries.map((entry) => entry.category))]
    .map((category) => categoryName(category).toLowerCase())
    .join(', ');
  return t(entries.length === 1 ? `${key}One` : `${key}Many`, { count: entries.length, categories });
}
