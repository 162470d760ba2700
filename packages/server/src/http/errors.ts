import { say } from '@bedring/contract';

/**
 * The error shape of docs/api.md: {"error":{"code","message","details"}}; FHIR routes turn it into an
 * OperationOutcome.
 */
export class HttpError extends Error {
  readonly statusCode: number;
  readonly code: string;
  readonly details: unknown[];
  constructor(statusCode: number, code: string, message: string, details: unknown[] = []) {
    super(message);
    this.statusCode = statusCode;
    this.code = code;
    this.details = details;
  }
}

export const badRequest = (code: string, message: string, details: unknown[] = []) =>
  new HttpError(400, code, message, details);
export const unauthorized = (message = say('errors.unauthorized')) =>
  new HttpError(401, 'unauthorized', message);
export const forbidden = (code = 'forbidden', message = say('errors.forbidden')) =>
  new HttpError(403, code, message);
export const notFound = (message = say('errors.notFound')) => new HttpError(404, 'not_found', message);
export const conflict = (code: string, message: string) => new HttpError(409, code, message);
