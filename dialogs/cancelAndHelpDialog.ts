/**
 * The base of every dialog: the in-dialog commands a resident can use at any step are
 * handled here, before the step sees them.
 *
 * @remarks
 * Unless the dialog is idle: a menu or referents' (`MOD_…`) payload, and the commands
 * "annuler"/"stop", "menu" and "aide". Emergencies, helpers' answers and job answers are
 * decided once per turn before the dialogs run (./globalAnswers.ts).
 */
import type { DialogContext, DialogTurnResult } from 'botbuilder-dialogs';
import { ComponentDialog, Dialog } from './botbuilderDialogs';
import { t } from '../services/i18n';
import { readCommand } from './keywords';
import { isModeratorPayload } from './moderation/modPayload';
import { MenuPayload, readPayload, readText } from './payload';
import { withMenu } from './replies';

const MENU_PAYLOADS: readonly string[] = Object.values(MenuPayload);

/** A component dialog that lets residents interrupt any step. */
export abstract class CancelAndHelpDialog extends ComponentDialog {
  /** Runs the interruptions before the active step. */
  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    return (await this.interrupt(innerDc)) ?? super.onContinueDialog(innerDc);
  }

  /** True when nothing is being asked (the main dialog waiting for a new request). */
  protected isIdle(_innerDc: DialogContext): boolean {
    return false;
  }

  /** A menu payload arrived in the middle of a dialog: by default, stop and show the menu. */
  protected async onMenuPayload(innerDc: DialogContext, _payload: string): Promise<DialogTurnResult> {
    await innerDc.context.sendActivity(withMenu(t('interrupt.menu')));
    return innerDc.cancelAllDialogs();
  }

  /** Handles an interrupting message; undefined when the message is for the current step. */
  protected async interrupt(innerDc: DialogContext): Promise<DialogTurnResult | undefined> {
    const { context } = innerDc;
    if (context.activity.type !== 'message') return undefined;
    if (this.isIdle(innerDc)) return undefined;

    const payload = readPayload(context.activity);
    if (payload && (MENU_PAYLOADS.includes(payload) || isModeratorPayload(payload)))
      return this.onMenuPayload(innerDc, payload);

    // A tapped quick reply is not a typed command, even when its title reads "Annuler".
    switch (payload ? undefined : readCommand(readText(context.activity))) {
      case 'cancel':
        await context.sendActivity(withMenu(t('interrupt.cancelled')));
        return innerDc.cancelAllDialogs();
      case 'menu':
        await context.sendActivity(withMenu(t('interrupt.menu')));
        return innerDc.cancelAllDialogs();
      case 'help':
        await context.sendActivity(t('interrupt.help'));
        await innerDc.repromptDialog();
        return Dialog.EndOfTurn;
      default:
        return undefined;
    }
  }
}
