/**
 * The questions of the entry form, each with what it expects: its choices and their typed
 * forms, what it reads in context and what it accepts freely.
 */
import type { Activity, CardAction } from 'botbuilder';
import { CATEGORIES, type Category } from '../../services/domain/types';
import { t } from '../../services/i18n';
import { mentionsMoney } from '../../services/nlu';
import {
  Payload,
  categoryFromPayload,
  categoryPayload,
  readLocation,
  readPayload,
  readText,
} from '../payload';
import { categoryName } from '../replies';
import { screenText } from '../screening';
import {
  type ChoiceSpec,
  isTimeExpression,
  mentionsRelative,
  readAgreement,
  readBeneficiary,
  readChoiceText,
  readPageContact,
  readUrgencyAnswer,
} from './answers';
import { placeLabel } from './draft';
import { editField, editFieldChoices } from './editFields';
import { categoryOf, contactOf } from './formPrompts';
import type { Answer, Field, FieldId, FormState } from './formState';
import { PlaceFinder } from './place';

/** The choice picked: a payload among `choices`, or its typed form. */
function picked(activity: Partial<Activity>, choices: readonly ChoiceSpec[]): string | undefined {
  const payload = readPayload(activity);
  if (payload) return choices.some((choice) => choice.payload === payload) ? payload : undefined;
  const text = readText(activity);
  return text ? readChoiceText(text, choices) : undefined;
}

/** A yes/no question: the choices, or yes/no in its usual forms. */
function yesNo(activity: Partial<Activity>, choices: readonly ChoiceSpec[]): boolean | undefined {
  const choice = picked(activity, choices);
  if (choice !== undefined) return choice === Payload.yes;
  return readPayload(activity) ? undefined : readAgreement(readText(activity));
}

const set = (update: (state: FormState) => string[] | void): Answer => ({
  kind: 'set',
  update: (state) => update(state) ?? [],
});

/** The typed text screened for contact details, and the warning to say when one was removed. */
function screened(activity: Partial<Activity>, warning: string): { text: string; said: string[] } {
  const result = screenText((activity.text ?? '').trim());
  return { text: result.text, said: result.removed.length > 0 ? [t(warning)] : [] };
}

const CATEGORY_SYNONYMS: Partial<Record<Category, RegExp>> = {
  groceries: /^(les )?(courses?|commissions?|supermarche|epicerie|provisions)$/,
  pharmacy: /^(la )?(pharmacie|medicaments?|ordonnance|pharma)$/,
  homework: /^(les )?(devoirs?|aide aux devoirs|soutien scolaire|cours)$/,
  conversation: /^(la )?(discussion|parler|compagnie|papoter|causer|bavarder)$/,
  pets: /^(les )?(animaux|animal|chien|chat|promener le chien)$/,
  printing: /^(les )?(impressions?|imprimer|imprimante|attestations?)$/,
  it_admin: /^(l )?(informatique|papiers|ordinateur|ordi|administratif|demarches)$/,
  connection: /^(la )?(connexion|internet|wifi|wi fi|box)$/,
  masks: /^(les )?(masques?|couture)$/,
  other: /^(autres?|autre chose)$/,
};

const categorySpecs = (): ChoiceSpec[] =>
  CATEGORIES.map((category) => ({
    payload: categoryPayload(category),
    title: categoryName(category),
    synonyms: CATEGORY_SYNONYMS[category],
  }));

/** The category chosen; a typed one is repeated so that the resident can correct it. */
function categoryAnswer(category: Category, typed: boolean): Answer {
  return set((state) => {
    state.draft.category = category;
    return typed ? [t('form.categoryUnderstood', { category: categoryName(category) })] : [];
  });
}

const category: Field = {
  id: 'category',
  missing: (state) => state.draft.category === undefined,
  question: (state) => t(state.draft.kind === 'offer' ? 'form.categoryOffer' : 'form.categoryNeed'),
  retry: () => t('form.categoryRetry'),
  choices: categorySpecs,
  read(activity) {
    const chosen = categoryFromPayload(picked(activity, categorySpecs()));
    return chosen ? categoryAnswer(chosen, readPayload(activity) === undefined) : undefined;
  },
  async accept(activity, _state, deps) {
    const guessed = categoryOf(activity, deps);
    return Promise.resolve(guessed ? categoryAnswer(guessed, true) : undefined);
  },
  clear: (state) => delete state.draft.category,
};

const beneficiarySpecs = (): ChoiceSpec[] => [
  { payload: Payload.forMe, title: t('form.forMe') },
  { payload: Payload.forRelative, title: t('form.forRelative') },
];
const beneficiaryAnswer = (who: 'self' | 'relative'): Answer =>
  set((state) => {
    state.draft.beneficiary = who;
  });

const beneficiary: Field = {
  id: 'beneficiary',
  missing: (state) => state.draft.kind === 'need' && state.draft.beneficiary === undefined,
  question: () => t('form.beneficiary'),
  retry: () => t('form.retryButtons'),
  choices: beneficiarySpecs,
  read(activity) {
    const choice = picked(activity, beneficiarySpecs());
    if (choice) return beneficiaryAnswer(choice === Payload.forRelative ? 'relative' : 'self');
    const text = readPayload(activity) ? undefined : readText(activity);
    const who = text ? readBeneficiary(text) : undefined;
    return who ? beneficiaryAnswer(who) : undefined;
  },
  async accept(activity) {
    const text = readText(activity);
    return Promise.resolve(text && mentionsRelative(text) ? beneficiaryAnswer('relative') : undefined);
  },
  clear: (state) => delete state.draft.beneficiary,
};

const urgencySpecs = (): ChoiceSpec[] => [
  { payload: Payload.urgent, title: t('form.urgent') },
  { payload: Payload.notUrgent, title: t('form.notUrgent') },
];

const urgency: Field = {
  id: 'urgency',
  missing: (state) => state.draft.kind === 'need' && state.draft.urgency === undefined,
  question: () => t('form.urgency'),
  retry: () => t('form.retryButtons'),
  choices: urgencySpecs,
  read(activity) {
    const choice = picked(activity, urgencySpecs());
    if (choice)
      return set((state) => void (state.draft.urgency = choice === Payload.urgent ? 'high' : 'normal'));
    const text = readPayload(activity) ? undefined : readText(activity);
    const level = text ? readUrgencyAnswer(text) : undefined;
    if (!text || !level) return undefined;
    return set((state) => {
      state.draft.urgency = level;
      // "ce soir", "dans la semaine": also the answer to "when?", noted and shown in the recap.
      if (!isTimeExpression(text) || state.draft.availability !== undefined) return [];
      const when = screened(activity, 'form.availabilityContactsRemoved');
      state.draft.availability = when.text;
      state.availabilityFromUrgency = true;
      return [...when.said, t('form.availabilityNoted', { availability: when.text })];
    });
  },
  clear(state) {
    delete state.draft.urgency;
    if (state.availabilityFromUrgency) delete state.draft.availability;
    delete state.availabilityFromUrgency;
  },
};

/** The description, screened; money mentioned asks the reminder. */
const description: Field = {
  id: 'description',
  missing: (state) => state.draft.description === undefined,
  question: (state) => t(state.draft.kind === 'offer' ? 'form.descriptionOffer' : 'form.descriptionNeed'),
  retry: () => t('form.descriptionRetry'),
  choices: () => [],
  read: () => undefined,
  async accept(activity) {
    if ((readText(activity)?.length ?? 0) < 2) return Promise.resolve(undefined);
    const typed = screened(activity, 'form.contactsRemoved');
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

const moneySpecs = (): ChoiceSpec[] => [
  { payload: Payload.rewrite, title: t('form.rewrite') },
  { payload: Payload.keepText, title: t('form.keep') },
];

const money: Field = {
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

const rewrite: Field = {
  ...description,
  id: 'rewrite',
  missing: (state) => state.moneyStage === 'rewrite',
  question: () => t('form.rewritePrompt'),
  async accept(activity) {
    if ((readText(activity)?.length ?? 0) < 2) return Promise.resolve(undefined);
    const typed = screened(activity, 'form.contactsRemoved');
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

const place: Field = {
  id: 'place',
  missing: (state) => state.draft.location === undefined,
  question: () => t('form.where'),
  retry: () => t('form.whereRetry'),
  choices: () => [],
  // A shared position is read with the geocoder's help below; nothing typed is read in context.
  read: () => undefined,
  async accept(activity, _state, deps) {
    const finder = new PlaceFinder(deps.geocoder, deps.nlu);
    const shared = readLocation(activity);
    const text = readText(activity);
    const found = shared
      ? finder.fromShared(shared.lat, shared.lon)
      : text
        ? await finder.fromText(text)
        : null;
    if (!found) return undefined;
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
  },
  clear(state) {
    for (const key of ['location', 'locationSource', 'neighbourhood', 'addressText'] as const)
      delete state.draft[key];
  },
};

const availabilityAnswer = (activity: Partial<Activity>): Answer => {
  const when = screened(activity, 'form.availabilityContactsRemoved');
  return set((state) => {
    state.draft.availability = when.text;
    delete state.availabilityFromUrgency;
    return when.said;
  });
};

const availability: Field = {
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
  },
};

const contactSpecs = (): ChoiceSpec[] => [{ payload: Payload.contactPage, title: t('form.contactPage') }];

const contact: Field = {
  id: 'contact',
  missing: (state) => state.draft.contact === undefined,
  question: () => t('form.contact'),
  retry: () => t('form.contactRetry'),
  choices: contactSpecs,
  extraActions: (state): CardAction[] =>
    state.onBehalf
      ? []
      : [
          { type: 'user_phone_number', title: t('form.contactPhone'), value: 'user_phone_number' },
          { type: 'user_email', title: t('form.contactEmail'), value: 'user_email' },
        ],
  read(activity) {
    const text = readPayload(activity) ? undefined : readText(activity);
    const page =
      picked(activity, contactSpecs()) !== undefined || (text !== undefined && readPageContact(text));
    const given = page ? { channels: ['page' as const] } : contactOf(activity);
    return given ? set((state) => void (state.draft.contact = given)) : undefined;
  },
  clear: (state) => delete state.draft.contact,
};

const agreeSpecs = (): ChoiceSpec[] => [
  { payload: Payload.yes, title: t('form.accept') },
  { payload: Payload.no, title: t('form.refuse') },
];

const commitments: Field = {
  id: 'commitments',
  missing: (state) => state.commitments !== true,
  question: (state) => t(state.draft.kind === 'offer' ? 'form.commitmentsOffer' : 'form.commitmentsNeed'),
  retry: () => t('form.retryButtons'),
  choices: agreeSpecs,
  read(activity) {
    const agreed = yesNo(activity, agreeSpecs());
    if (agreed === undefined) return undefined;
    return agreed
      ? set((state) => void (state.commitments = true))
      : { kind: 'stop', text: t('form.commitmentsRefused') };
  },
  clear: (state) => delete state.commitments,
};

const consent: Field = {
  id: 'consent',
  missing: (state) => !state.hasConsent && state.draft.consentGiven !== true,
  question: () => t('form.consent'),
  retry: () => t('form.retryButtons'),
  choices: agreeSpecs,
  read(activity) {
    const agreed = yesNo(activity, agreeSpecs());
    if (agreed === undefined) return undefined;
    return agreed
      ? set((state) => void (state.draft.consentGiven = true))
      : { kind: 'stop', text: t('form.consentRefused') };
  },
  clear: (state) => delete state.draft.consentGiven,
};

const recapSpecs = (): ChoiceSpec[] => [
  { payload: Payload.yes, title: t('form.save') },
  { payload: Payload.formEdit, title: t('form.edit'), synonyms: /^(modifier|changer|corriger|modif)\b/ },
  { payload: Payload.no, title: t('form.dontSave') },
];

const recap: Field = {
  id: 'recap',
  missing: () => true,
  question: () => '', // replaced by the recap text (see formFieldsDialog.ts)
  retry: () => t('form.retryButtons'),
  choices: recapSpecs,
  read(activity) {
    const choice = picked(activity, recapSpecs());
    if (choice === Payload.formEdit) return set((state) => void (state.picking = true));
    const agreed = choice ? choice === Payload.yes : yesNo(activity, []);
    if (agreed === undefined) return undefined;
    return agreed ? { kind: 'done' } : { kind: 'stop', text: t('form.notSaved') };
  },
  clear: () => undefined,
};

const edit: Field = {
  id: 'edit',
  missing: (state) => state.picking === true,
  question: () => t('form.editWhich'),
  retry: () => t('form.retryButtons'),
  choices: editFieldChoices,
  read(activity, state) {
    const choice = picked(activity, editFieldChoices(state));
    return choice ? set((current) => editField(current, choice, FIELDS)) : undefined;
  },
  clear: (state) => delete state.picking,
};

/** Every question, in the order they are asked. */
export const FIELDS: Record<FieldId, Field> = {
  category,
  beneficiary,
  urgency,
  description,
  money,
  rewrite,
  place,
  availability,
  contact,
  commitments,
  consent,
  edit,
  recap,
};

/** The next question to ask. */
export function nextField(state: FormState): Field {
  return Object.values(FIELDS).find((field) => field.missing(state)) ?? recap;
}
