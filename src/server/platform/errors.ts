import type { MessageKey } from './messages.js';

export type ErrorCode =
  | 'validation'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'in_use'
  | 'rate_limited'
  | 'invalid_credentials'
  | 'account_disabled'
  | 'invalid_token'
  | 'email_taken'
  | 'last_network_admin'
  | 'cross_site'
  | 'invalid_transition'
  | 'not_editable'
  | 'deadline_passed'
  | 'call_not_open'
  | 'already_scored'
  | 'conflict_of_interest'
  | 'last_company_admin'
  | 'report_already_filed'
  | 'report_already_corrected';

const statusOfCode: Record<ErrorCode, number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  in_use: 409,
  rate_limited: 429,
  invalid_credentials: 401,
  account_disabled: 403,
  invalid_token: 400,
  email_taken: 409,
  last_network_admin: 409,
  cross_site: 403,
  invalid_transition: 409,
  not_editable: 409,
  deadline_passed: 409,
  call_not_open: 409,
  already_scored: 409,
  conflict_of_interest: 403,
  last_company_admin: 409,
  report_already_filed: 409,
  report_already_corrected: 409,
};

/** A field the user must fix: the path in the request body and a message key with its parameters. */
export type FieldError = { path: string; key: MessageKey; params?: Record<string, string> };

/** The one error type of the platform: a code, its HTTP status, and field problems when there are any. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly fields: FieldError[] = [],
  ) {
    super(code);
    this.status = statusOfCode[code];
  }
}

export const notFound = () => new AppError('not_found');
export const forbidden = () => new AppError('forbidden');
export const invalidField = (path: string, key: MessageKey, params?: Record<string, string>) =>
  new AppError('validation', [{ path, key, params }]);
