/**
 * The questions of the entry form, each with what it expects: its choices and their typed
 * forms, what it reads in context and what it accepts freely (the questions answered in
 * free text are in ./textFields.ts), and the order they are asked in.
 */
import type { CardAction } from 'botbuilder';
import { CATEGORIES, type Category } from '../../services/domain/types';
import { t } from '../../services/i18n';
import { Payload, categoryFromPayload, categoryPayload, readPayload, readText } from '../payload';
import { categoryName } from '../replies';
import {
  type ChoiceSpec,
  isTimeExpression,
  mentionsRelative,
  readBeneficiary,
  readPageContact,
  readUrgencyAnswer,
} from './answers';
import { editField, editFieldChoices } from './editFields';
import { picked, screened, set, yesNo } from './fieldReading';
import { recurrence } from './recurrenceField';
import { categoryOf, contactOf } from './formPrompts';
import type { Answer, Field, FieldId, FormState } from './formState';
import { availability, description, money, place, rewrite } from './textFields';

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
      const when = screened(activity, 'availability');
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

/**
 * A question answered by agreeing: yes records it, no stops the form with `refused`
 * (the commitments, the storage consent).
 */
function agreement(
  field: Pick<Field, 'id' | 'missing' | 'question' | 'clear'> & {
    agree: (state: FormState) => void;
    refused: string;
  },
): Field {
  const { agree, refused, ...asked } = field;
  return {
    ...asked,
    retry: () => t('form.retryButtons'),
    choices: agreeSpecs,
    read(activity) {
      const agreed = yesNo(activity, agreeSpecs());
      if (agreed === undefined) return undefined;
      return agreed ? set(agree) : { kind: 'stop', text: t(refused) };
    },
  };
}

const commitments = agreement({
  id: 'commitments',
  missing: (state) => state.commitments !== true,
  question: (state) => t(state.draft.kind === 'offer' ? 'form.commitmentsOffer' : 'form.commitmentsNeed'),
  agree: (state) => void (state.commitments = true),
  refused: 'form.commitmentsRefused',
  clear: (state) => delete state.commitments,
});

const consent = agreement({
  id: 'consent',
  missing: (state) => !state.hasConsent && state.draft.consentGiven !== true,
  question: () => t('form.consent'),
  agree: (state) => void (state.draft.consentGiven = true),
  refused: 'form.consentRefused',
  clear: (state) => delete state.draft.consentGiven,
});

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
  recurring: recurrence,
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
