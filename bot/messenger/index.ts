/**
 * Messenger channel: webhook verification, event parsing, Activity mapping and the adapter.
 */
export { verifySignature, verifyHandshake, SIGNATURE_HEADER } from './signature';
export { extractEvents, kindOf, type EventKind, type EventSource, type MessengerEvent } from './events';
export {
  toActivity,
  MESSENGER_CHANNEL_ID,
  MESSENGER_SERVICE_URL,
  MessengerEventName,
  type EchoValue,
  type HandoverValue,
  type MessengerChannelData,
  type MessengerMessageValue,
  type StandbyValue,
} from './activities';
export { toSendCalls, truncateTitle, type OutgoingChannelData, type SendCall } from './outgoing';
export { MessengerAdapter, CONTINUE_CONVERSATION_EVENT, type MessengerAdapterOptions } from './adapter';
export { buildMessengerProfile, PROFILE_LIMITS, type MessengerProfileBody } from './profile';
export { MESSENGER_TURN, messengerTurnOf, setMessengerTurn, type MessengerTurn } from './turn';
