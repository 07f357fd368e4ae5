import assert from 'node:assert/strict';
import { canSendAsHumanAgent, canSendAutomated, decideSend } from '../../services/messaging/windowPolicy';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const LAST = new Date('2026-03-09T09:00:00.000Z');
const after = (ms: number): Date => new Date(LAST.getTime() + ms);

describe('messaging/windowPolicy', () => {
  it('lets the bot write until 24 hours after the last message, not a minute later', () => {
    assert.equal(canSendAutomated(LAST, after(23 * HOUR + 59 * MINUTE)), true);
    assert.equal(canSendAutomated(LAST, after(DAY)), true);
    assert.equal(canSendAutomated(LAST, after(DAY + MINUTE)), false);
    assert.equal(canSendAutomated(undefined, LAST), false);
    assert.deepEqual(decideSend('bot', LAST, after(23 * HOUR + 59 * MINUTE)), {
      allowed: true,
      messagingType: 'RESPONSE',
    });
    assert.deepEqual(decideSend('bot', LAST, after(DAY + MINUTE)), {
      allowed: false,
      reason: 'outside_window',
    });
  });

  it('never tags the bot’s own messages HUMAN_AGENT, even within 7 days', () => {
    const decision = decideSend('bot', LAST, after(3 * DAY));
    assert.equal(decision.allowed, false);
    assert.equal('tag' in decision, false);
  });

  it('lets a moderator answer with HUMAN_AGENT up to 7 days, not beyond', () => {
    assert.deepEqual(decideSend('moderator', LAST, after(DAY + MINUTE)), {
      allowed: true,
      messagingType: 'MESSAGE_TAG',
      tag: 'HUMAN_AGENT',
      writtenByHuman: true,
    });
    assert.equal(canSendAsHumanAgent(LAST, after(6 * DAY + 23 * HOUR)), true);
    assert.equal(decideSend('moderator', LAST, after(6 * DAY + 23 * HOUR)).allowed, true);
    assert.equal(canSendAsHumanAgent(LAST, after(7 * DAY + HOUR)), false);
    assert.deepEqual(decideSend('moderator', LAST, after(7 * DAY + HOUR)), {
      allowed: false,
      reason: 'human_agent_expired',
    });
    assert.deepEqual(decideSend('moderator', LAST, after(HOUR)), {
      allowed: true,
      messagingType: 'RESPONSE',
    });
  });

  it('refuses a person we never heard from, and a last message in the future', () => {
    assert.deepEqual(decideSend('moderator', undefined, LAST), { allowed: false, reason: 'unknown_person' });
    assert.equal(canSendAutomated(after(HOUR), LAST), false);
  });
});
