/**
 * The recap's "Modifier": the list of what can be changed. Choosing a field forgets its
 * answer, so the form asks that question alone, then shows the recap again.
 */
import { t } from '../../services/i18n';
import { Payload, PayloadPrefix } from '../payload';
import type { ChoiceSpec } from './answers';
import type { Field, FieldId, FormState } from './formState';
import { switchKind } from './formState';

/** The fields a resident can change, with the words that name them. */
const EDITABLE: { id: FieldId; needOnly?: boolean; offerOnly?: boolean; synonyms: RegExp }[] = [
  { id: 'category', synonyms: /\b(type|categorie|genre)\b/ },
  { id: 'beneficiary', needOnly: true, synonyms: /\b(pour qui|beneficiaire|proche)\b/ },
  { id: 'urgency', needOnly: true, synonyms: /\b(urgence|urgent)\b/ },
  { id: 'description', synonyms: /\b(description|texte|decrire|le message)\b/ },
  { id: 'place', synonyms: /\b(lieu|adresse|quartier|rue|endroit|ou)\b/ },
  { id: 'availability', synonyms: /\b(quand|disponibilite\w*|dispo|horaires?|jours?|date|heure)\b/ },
  {
    id: 'recurring',
    offerOnly: true,
    synonyms:
      /\b(frequence|regulier|reguliere|regulierement|ponctuel|ponctuelle|une seule fois|recurrence)\b/,
  },
  { id: 'contact', synonyms: /\b(contact|numero|telephone|tel|mail|e mail|joindre)\b/ },
];

/** The payload that switches the draft to the other kind. */
const SWITCH = `${PayloadPrefix.formField}KIND`;

/** The list offered after "Modifier" (at most 10 choices). */
export function editFieldChoices(state: FormState): ChoiceSpec[] {
  const isNeed = state.draft.kind === 'need';
  return [
    ...EDITABLE.filter((field) => (isNeed ? !field.offerOnly : !field.needOnly)).map((field) => ({
      payload: `${PayloadPrefix.formField}${field.id}`,
      title: t(`form.editField.${field.id}`),
      synonyms: field.synonyms,
    })),
    {
      payload: SWITCH,
      title: t(isNeed ? 'form.editField.toOffer' : 'form.editField.toNeed'),
      synonyms: isNeed ? /\b(offre|proposer)\b/ : /\b(demande|demander)\b/,
    },
    { payload: Payload.formKeep, title: t('form.editField.nothing'), synonyms: /^(rien|aucun|c est bon)\b/ },
  ];
}

/** Applies the choice made in the list; returns what to say. */
export function editField(state: FormState, payload: string, fields: Record<FieldId, Field>): string[] {
  delete state.picking;
  if (payload === Payload.formKeep) return [];
  if (payload === SWITCH) {
    const kind = state.draft.kind === 'need' ? 'offer' : 'need';
    switchKind(state, kind);
    return [t(kind === 'need' ? 'form.switchedToNeed' : 'form.switchedToOffer')];
  }
  const id = payload.slice(PayloadPrefix.formField.length) as FieldId;
  const field = EDITABLE.some((editable) => editable.id === id) ? fields[id] : undefined;
  field?.clear(state);
  return [];
}
