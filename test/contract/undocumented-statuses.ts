/**
 * Statuses the emulator answers that the OpenAPI document does not list for an operation.
 * Each is a GUESS about the real API (or an emulator-only answer); a response with one of them
 * must still carry the documented `Error` body. Keep each reason to one line.
 */
export const UNDOCUMENTED_STATUSES: Readonly<Record<number, string>> = {
  405: 'Emulator only: a write refused by a read-only emulator (plan, status, sync --dry-run).',
  413: 'Body over the size limit: every HTTP server has one; the document states none.',
  429: 'Rate limited: documented only for run-on-record-type; the emulator injects it anywhere.',
  501: 'Emulator only: a documented route it does not implement (NOT_IMPLEMENTED_ROUTES).',
  502: 'Bad gateway: what a proxy in front of the API answers when the API is down.',
  503: 'Service unavailable: deploys and overload; the emulator injects it.',
  504: 'Gateway timeout: what a proxy answers when the API is too slow.',
};

export function isUndocumentedStatus(status: number): boolean {
  return Object.hasOwn(UNDOCUMENTED_STATUSES, status);
}
