/**
 * Scrubs the API key out of anything that came from outside (a server error
 * message that echoes the Authorization header, a low-level error message)
 * before it is put into an error we throw.
 */
export type Redact = (text: string) => string;

export const REDACTED = '[redacted]';

export function createKeyRedactor(secret: string): Redact {
  if (secret === '') return (text) => text;
  return (text) => text.split(secret).join(REDACTED);
}
