// The booking API client: everything above src/api/ imports from here.
//   const api = createApi({ baseUrl: '/api/v1', lang: 'en-US' });
//   try { await api.createBooking(locationId, request) }
//   catch (e) { if (isApiError(e, BookingErrorCode.SlotTaken)) … else if (isNetworkError(e)) … }
export { createApi, type Api, type ApiOptions } from './client';
export { ApiError, NetworkError, BookingErrorCode, isApiError, isNetworkError, type ApiErrorDetails } from './errors';
export type * from './types';
