/**
 * Prompt fragments shared by several flows. This module exports no flow, so
 * the loader treats it as a helper (listed with --verbose), not an error.
 */
export const BRAND_VOICE =
  'You write for Acme Support: warm, concise, never more than three sentences.';

export function triagePrompt(channel: string): string {
  return `Classify this ${channel} message from {{customer_name}} as billing, bug or question, and rate its urgency 1-5:\n\n{{message}}`;
}
