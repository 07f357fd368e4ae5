/**
 * The questions of the entry form answered in free text: the description (with the money
 * reminder and its rewrite), the place, the availability.
 */
import type { Activity } from 'botbuilder';
import { t } from '../../services/i18n';
import { mentionsMoney } from '../../services/nlu';
import { fromNeighbourhood } from '../../services/places';
import { Payload, readLocation, readPayload, readText } from '../payload';
import { type ChoiceSpec, isTimeExpression } from './answers';
import { placeLabel } from './draft';
import { picked, screened, set, yesNo } from './fieldReading';
import type { Answer, Field, FieldDeps, FormState } from './formState';
import { clearRecurrence, recurrenceFromAvailability } from './recurrenceField';

/** The description, screened; money mentioned asks the reminder. */
export const description: Field = {
  id: 'description',
  missing: (state) => state.draft.description === undefined,
  question: (state) => t(state.draft.kind === 'offer' ? 'form.descriptionOffer' : 'form.descriptionNeed'),
  retry: () => t('form.descriptionRetry'),
  choices: () => [],
  read: () => undefined,
  async accept(activity, state, deps) {
    if ((readText(activity)?.length ?? 0) < 2) return Promise.resolve(undefined);
    // "maille 2" typed here answers the place, not the description: kept as the place, and
    // the description is asked again.
    if (state.draft.location === undefined && namesOnlyANeighbourhood(readText(activity) ?? '', deps)) {
      const asPlace = await placeAnswer(activity, state, deps);
      if (asPlace) return asPlace;
    }
    const typed = screened(activity, 'description');
    return Promise.resolve(
      set((state) => {
        state.draft.description = typed.text;
        state.draft.money = false;
        if (mentionsMoney(typed.text)) state.moneyStage = 'ask';
        return typed.said;
      }),
    );
  },
  clear(state) {
    delete state.draft.description;
    delete state.draft.money;
    delete state.moneyStage;
  },
};

/** Words that may stand around a neighbourhood's name ("le quartier de la Maille 2", "j'habite aux Molières"). */
const PLACE_FILLERS = new Set([
  'quartier',
  'la',
  'le',
  'les',
  'l',
  'a',
  'au',
  'aux',
  'de',
  'du',
  'des',
  'd',
  'vers',
  'j',
  'habite',
  'je',
  'suis',
  'cite',
]);

/** True when `text` names a neighbourhood and (besides filler words) almost nothing else. */
function namesOnlyANeighbourhood(text: string, deps: FieldDeps): boolean {
  if (deps.nlu.understand(text).neighbourhood === null) return false;
  const words = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '' && !PLACE_FILLERS.has(word));
  return words.length <= 3;
}

const moneySpecs = (): ChoiceSpec[] => [
  { payload: Payload.rewrite, title: t('form.rewrite') },
  { payload: Payload.keepText, title: t('form.keep') },
];

export const money: Field = {
  id: 'money',
  missing: (state) => state.moneyStage === 'ask',
  question: () => t('form.moneyReminder'),
  retry: () => t('form.retryButtons'),
  choices: moneySpecs,
  read(activity) {
    // "Voulez-vous réécrire votre description ?": yes is to rewrite.
    const choice = picked(activity, moneySpecs());
    const rewrite = choice ? choice === Payload.rewrite : yesNo(activity, []);
    if (rewrite === undefined) return undefined;
    return set((state) => {
      if (rewrite) return void (state.moneyStage = 'rewrite');
      delete state.moneyStage;
      state.draft.money = true;
      return [t('form.moneyKept')];
    });
  },
  clear: (state) => description.clear(state),
};

export const rewrite: Field = {
  ...description,
  id: 'rewrite',
  missing: (state) => state.moneyStage === 'rewrite',
  question: () => t('form.rewritePrompt'),
  async accept(activity) {
    if ((readText(activity)?.length ?? 0) < 2) return Promise.resolve(undefined);
    const typed = screened(activity, 'description');
    return Promise.resolve(
      set((state) => {
        delete state.moneyStage;
        state.draft.description = typed.text;
        state.draft.money = mentionsMoney(typed.text);
        return [...typed.said, ...(state.draft.money ? [t('form.moneyKept')] : [])];
      }),
    );
  },
};

/** Reads a place (a shared position, an address, a neighbourhood), as the place question does. */
async function placeAnswer(
  activity: Partial<Activity>,
  state: FormState,
  deps: FieldDeps,
): Promise<Answer | undefined> {
  const text = readText(activity);
  const answer = await deps.places.find(readLocation(activity), text);
  state.placeOutside = answer.status === 'outside';
  if (answer.status !== 'found') return undefined;
  const found = answer.place;
  return set((state) => {
    const { draft } = state;
    draft.location = found.location;
    draft.locationSource = found.source;
    draft.neighbourhood = found.neighbourhood;
    draft.addressText = found.source === 'address' ? text?.trim() : undefined;
    const key =
      found.source === 'shared_location'
        ? 'form.whereShared'
        : found.source === 'neighbourhood_fallback'
          ? 'form.whereFallback'
          : 'form.whereFound';
    return [t(key, { place: placeLabel(draft) })];
  });
}

export const place: Field = {
  id: 'place',
  missing: (state) => state.draft.location === undefined,
  question: () => t('form.where'),
  // A place outside the commune is told so, with the CCAS line, rather than "not found".
  retry: (state) => t(state.placeOutside ? 'places.outsideMiramas' : 'form.whereRetry'),
  // The neighbourhood of the poster the resident scanned, one tap away.
  choices: (state) =>
    state.knownPlace ? [{ payload: Payload.placeKnown, title: state.knownPlace.name }] : [],
  // A shared position or a typed place is read with the geocoder's help below; the tap on
  // the poster's neighbourhood locates the entry there, as typing its name does.
  read(activity, state) {
    const known = state.knownPlace;
    if (!known || readPayload(activity) !== Payload.placeKnown) return undefined;
    const found = fromNeighbourhood(known);
    return set((state) => {
      const { draft } = state;
      draft.location = found.location;
      draft.locationSource = found.source;
      draft.neighbourhood = found.neighbourhood;
      delete draft.addressText;
      return [t('form.whereFound', { place: placeLabel(draft) })];
    });
  },
  accept: (activity, state, deps) => placeAnswer(activity, state, deps),
  clear(state) {
    for (const key of ['location', 'locationSource', 'neighbourhood', 'addressText'] as const)
      delete state.draft[key];
  },
};

const availabilityAnswer = (activity: Partial<Activity>): Answer => {
  const when = screened(activity, 'availability');
  return set((state) => {
    state.draft.availability = when.text;
    delete state.availabilityFromUrgency;
    return [...when.said, ...recurrenceFromAvailability(state, when.text)];
  });
};

export const availability: Field = {
  id: 'availability',
  missing: (state) => state.draft.availability === undefined,
  question: (state) => t(state.draft.kind === 'offer' ? 'form.availabilityOffer' : 'form.availabilityNeed'),
  retry: () => t('form.textRetry'),
  choices: () => [],
  read(activity) {
    const text = readPayload(activity) ? undefined : readText(activity);
    return text && isTimeExpression(text) ? availabilityAnswer(activity) : undefined;
  },
  async accept(activity) {
    const long = (readText(activity)?.length ?? 0) >= 2;
    return Promise.resolve(long ? availabilityAnswer(activity) : undefined);
  },
  clear(state) {
    delete state.draft.availability;
    delete state.availabilityFromUrgency;
    // "Chaque samedi" answered the recurrence too: a new availability asks it again.
    if (state.recurringFromAvailability) clearRecurrence(state);
  },
};
