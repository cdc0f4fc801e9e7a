// The booking API client: everything above src/api/ imports from here.
export { createApi, type Api, type ApiOptions } from './client';
export { ApiError, NetworkError, BookingErrorCode, isApiError, isNetworkError, type ApiErrorDetails } from './errors';
export type * from './types';
