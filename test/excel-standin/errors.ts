/**
 * Errors shaped like OfficeExtension.Error: `code` from OfficeExtension.ErrorCodes, a message like
 * Excel's, and `debugInfo` naming the failing statement.
 */
export type StandInErrorCode =
  | 'PropertyNotLoaded'
  | 'ItemNotFound'
  | 'ItemAlreadyExists'
  | 'InvalidArgument'
  | 'InvalidOperation'
  | 'InvalidReference'
  | 'AccessDenied'
  | 'ApiNotFound'
  | 'RequestPayloadSizeLimitExceeded'
  | 'ResponsePayloadSizeLimitExceeded'
  | 'InvalidObjectPath'
  | 'GeneralException'
  | 'RangeExceedsLimit'
  | 'InvalidOperationInCellEditMode';

export class StandInError extends Error {
  readonly code: StandInErrorCode;
  readonly debugInfo: { code: string; message: string; errorLocation?: string; statement?: string };
  readonly traceMessages: string[] = [];

  constructor(code: StandInErrorCode, message: string, errorLocation?: string) {
    super(message);
    this.name = 'RichApi.Error';
    this.code = code;
    this.debugInfo = { code, message, errorLocation, statement: errorLocation };
  }
}

export const ErrorCodes: Record<StandInErrorCode, StandInErrorCode> = {
  PropertyNotLoaded: 'PropertyNotLoaded',
  ItemNotFound: 'ItemNotFound',
  ItemAlreadyExists: 'ItemAlreadyExists',
  InvalidArgument: 'InvalidArgument',
  InvalidOperation: 'InvalidOperation',
  InvalidReference: 'InvalidReference',
  AccessDenied: 'AccessDenied',
  ApiNotFound: 'ApiNotFound',
  RequestPayloadSizeLimitExceeded: 'RequestPayloadSizeLimitExceeded',
  ResponsePayloadSizeLimitExceeded: 'ResponsePayloadSizeLimitExceeded',
  InvalidObjectPath: 'InvalidObjectPath',
  GeneralException: 'GeneralException',
  RangeExceedsLimit: 'RangeExceedsLimit',
  InvalidOperationInCellEditMode: 'InvalidOperationInCellEditMode',
};

export function propertyNotLoaded(property: string, location: string): StandInError {
  return new StandInError(
    'PropertyNotLoaded',
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    location,
  );
}
