import type { MessageKey } from './messages.js';

/** HTTP statuses of the platform's own error codes, the ones every capability may answer with. */
const platformErrors = {
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
  cross_site: 403,
  invalid_transition: 409,
  not_editable: 409,
  already_sent: 409,
} as const;

/** A module's own error codes with their HTTP status; the module names them in its manifest. */
export type ErrorStatuses = Record<string, 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429>;

export function defineErrors<const Codes extends ErrorStatuses>(codes: Codes): Codes {
  return codes;
}

/**
 * Every error code: the platform's, and those modules add by declaration merging
 * (`declare module '../../platform/errors.js' { interface ErrorCodes extends ErrorsOf<typeof fooErrors> {} }`),
 * each with its message `errors.<code>` in the module's wording.
 */
export interface ErrorCodes extends Record<keyof typeof platformErrors, number> {}
export type ErrorCode = keyof ErrorCodes & string;
export type ErrorsOf<Codes extends ErrorStatuses> = Record<keyof Codes, number>;

const statusOfCode = new Map<string, number>(Object.entries(platformErrors));
const ownerOfCode = new Map<string, string>(Object.keys(platformErrors).map((code) => [code, 'platform']));

/** Adds a module's codes (installing the same codes again changes nothing; a code of another owner is refused). */
export function installErrors(owner: string, codes: ErrorStatuses): void {
  for (const [code, status] of Object.entries(codes)) {
    const existing = ownerOfCode.get(code);
    if (existing && existing !== owner) throw new Error(`errors: "${code}" of ${owner} is already defined by ${existing}`);
    ownerOfCode.set(code, owner);
    statusOfCode.set(code, status);
  }
}

/** A field the user must fix: the path in the request body and a message key with its parameters. */
export type FieldError = { path: string; key: MessageKey; params?: Record<string, string> };

/** The one error type of the platform: a code, its HTTP status, and field problems when there are any. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly fields: FieldError[] = [],
  ) {
    super(code);
  }

  /** Read when answering, so that an error thrown before the modules were installed still finds its status. */
  get status(): number {
    const status = statusOfCode.get(this.code);
    if (status === undefined) throw new Error(`errors: code "${this.code}" belongs to no installed module`);
    return status;
  }
}

export const notFound = () => new AppError('not_found');
export const forbidden = () => new AppError('forbidden');
export const invalidField = (path: string, key: MessageKey, params?: Record<string, string>) =>
  new AppError('validation', [{ path, key, params }]);
