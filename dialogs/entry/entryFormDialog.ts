/**
 * The form shared by offers and needs: what, (for whom, how urgent), description, where,
 * when, how to be contacted, the commitments, the storage consent, a recap where each
 * answer can be changed. Nothing is stored here: the form returns the confirmed draft (of
 * the kind the resident ended with: they may switch an offer to a need), or null when the
 * resident stopped.
 *
 * @remarks
 * The questions are fields (./fields.ts) asked by {@link FormFieldsDialog}; this component
 * adds the commands any dialog accepts ("annuler", "menu", "aide").
 */
import { CancelAndHelpDialog } from '../cancelAndHelpDialog';
import { DialogId } from '../ids';
import { FormFieldsDialog, type EntryFormDeps } from './formFieldsDialog';
import { FORM_FIELDS_DIALOG } from './formState';

export type { EntryFormDeps, EntryFormOptions } from './formFieldsDialog';

/** Collects an offer or a need. */
export class EntryFormDialog extends CancelAndHelpDialog {
  constructor(deps: EntryFormDeps) {
    super(DialogId.entryForm);
    this.addDialog(new FormFieldsDialog(deps));
    this.initialDialogId = FORM_FIELDS_DIALOG;
  }
}
