/**
 * Office's callback APIs as Promises. A failure in the callback rejects the Promise (instead of
 * throwing inside the callback where no caller can catch it), and every call can time out, since
 * some (getAttachmentContentAsync on large items) never call back.
 */
export class OfficeCallError extends Error {
  constructor(
    readonly code: number | string,
    message: string,
  ) {
    super(message);
    this.name = 'OfficeCallError';
  }
}

export function callOffice<T>(
  start: (callback: (result: Office.AsyncResult<T>) => void) => void,
  timeoutMs: number,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new OfficeCallError('timeout', `no answer after ${Math.round(timeoutMs / 1000)} s`)),
      timeoutMs,
    );
    try {
      start((result) => {
        clearTimeout(timer);
        if (result.status === Office.AsyncResultStatus.Succeeded) resolve(result.value);
        else reject(new OfficeCallError(result.error?.code ?? 'unknown', result.error?.message ?? 'failed'));
      });
    } catch (error) {
      clearTimeout(timer);
      reject(new OfficeCallError('threw', error instanceof Error ? error.message : String(error)));
    }
  });
}

export function describeError(error: unknown): string {
  if (error instanceof OfficeCallError) return `${error.code} ${error.message}`.trim();
  return error instanceof Error ? error.message : String(error);
}
