/**
 * What happens in a resident's thread that the handover listens to, as typed events: the
 * Messenger transport (bot/messenger/threadEvents.ts) reads them from its payloads.
 */

/** A resident's message while another app (the page inbox) owns the thread. */
export interface StandbyMessageEvent {
  kind: 'standby_message';
  psid: string;
  /** What the resident wrote ('' for an attachment). */
  text: string;
  /** Messenger message id, to ignore redeliveries. */
  mid?: string;
  at: Date;
}

/** A message the Page sent to the resident: a moderator's from the page inbox, or this bot's own. */
export interface PageEchoEvent {
  kind: 'page_echo';
  psid: string;
  text: string;
  mid?: string;
  /** The app that sent it; absent when typed in the inbox without an app. */
  appId?: string;
  at: Date;
}

/** Thread control passed or taken, now owned by `newOwnerAppId`. */
export interface ThreadControlEvent {
  kind: 'thread_control';
  psid: string;
  control: 'passed' | 'taken';
  newOwnerAppId?: string;
  at: Date;
}

/** The events {@link HandoverService.onThreadEvent} handles. */
export type ThreadEvent = StandbyMessageEvent | PageEchoEvent | ThreadControlEvent;
