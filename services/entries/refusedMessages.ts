/**
 * Messages the channel refused (a Graph request that failed): how a use case that writes
 * outside a resident's turn tells them from other failures, and the code it may log.
 */
import { CodedError, ErrorCode } from '../errors';

/** True when the channel refused the message (a Graph request that failed). */
export function isRefusedMessage(error: unknown): error is CodedError {
  return error instanceof CodedError && error.code === ErrorCode.GraphRequestFailed;
}

/** The channel's own code of a refusal, for the logs. */
export function refusalCode(error: CodedError): number | undefined {
  const code: unknown = (error as CodedError & { graphCode?: unknown }).graphCode;
  return typeof code === 'number' ? code : undefined;
}
