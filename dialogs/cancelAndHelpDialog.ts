/**
 * The base of every dialog: what a resident can say at any step is handled here, before
 * the step sees it.
 *
 * @remarks
 * In order: emergency words (the numbers at once, a moderator flagged, the dialog ended);
 * a helper's answer to a request (`MATCH_ACCEPT_…`/`MATCH_DECLINE_…`) or an answer to a job's
 * question (`FOLLOWUP_…`, `ENTRY_RENEW_…`/`ENTRY_CLOSE_…`, unless the current question offered it),
 * which can arrive in any dialog; then, unless the dialog is idle, a menu or referents' (`MOD_…`) payload and the commands
 * "annuler"/"stop", "menu" and "aide".
 */
import type { DialogContext, DialogTurnResult } from 'botbuilder-dialogs';
import { ComponentDialog, Dialog } from 'botbuilder-dialogs';
import { t } from '../services/i18n';
import type { DialogDeps } from './deps';
import { answerEmergency } from './emergency';
import { readCommand } from './keywords';
import { handleJobAnswer, isJobAnswer } from './jobAnswers/jobAnswer';
import { offeredByActivePrompt } from './jobAnswers/offeredByPrompt';
import { handleHelperAnswer, isHelperAnswer } from './matching/helperAnswer';
import { isModeratorPayload } from './moderation/modPayload';
import { MenuPayload, readPayload, readText } from './payload';
import { withMenu } from './replies';
import { understandTurn } from './understanding';

const MENU_PAYLOADS: readonly string[] = Object.values(MenuPayload);

/** A component dialog that lets residents interrupt any step. */
export abstract class CancelAndHelpDialog extends ComponentDialog {
  constructor(
    id: string,
    protected readonly deps: DialogDeps,
  ) {
    super(id);
  }

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

    const understanding = understandTurn(context, this.deps.nlu);
    if (understanding?.emergency) {
      await answerEmergency(context, understanding.emergency, this.deps);
      return innerDc.cancelAllDialogs();
    }

    const payload = readPayload(context.activity);
    const idle = this.isIdle(innerDc);
    if (payload && isHelperAnswer(payload)) {
      await handleHelperAnswer(context, this.deps, payload, idle);
      if (!idle) await innerDc.repromptDialog();
      return Dialog.EndOfTurn;
    }
    if (payload && isJobAnswer(payload) && !offeredByActivePrompt(innerDc, payload)) {
      await handleJobAnswer(context, this.deps, payload, idle);
      if (!idle) await innerDc.repromptDialog();
      return Dialog.EndOfTurn;
    }
    if (idle) return undefined;

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
