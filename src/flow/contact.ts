// Contact-field rules. Pure: returns i18n keys of the messages, so the view shows them next to
// each field and nothing is sent while any remains.
import type { Contact } from '../api/types';

export type ContactField = keyof Contact | 'code' | 'consent';
export type ContactErrors = Partial<Record<ContactField, string>>;

export interface ContactRules {
  commentRequired: boolean;
  /** The country's own phone rules once loaded (phone.ts); a plausibility check otherwise. */
  phoneValid?: (phone: string) => boolean;
  /** Asked when the form shows a privacy policy: whether the visitor accepted it. */
  consent?: boolean;
}

/** A new SMS code can be asked for this long after the last one was sent. */
export const CODE_RESEND_AFTER_MS = 30_000;

export const LIMITS = { name: 80, phone: 20, email: 120, comment: 1000 } as const;

// A pragmatic address check: something@something.tld, no spaces. The server has the last word.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;

export function phoneDigits(phone: string): string {
  return phone.replace(/[^\d]/g, '');
}

export function isPlausiblePhone(phone: string): boolean {
  if (/[^\d\s()+\-.]/.test(phone.trim())) return false;
  const digits = phoneDigits(phone);
  return digits.length >= 7 && digits.length <= 15;
}

export function validateContact(contact: Contact, rules: ContactRules): ContactErrors {
  const errors: ContactErrors = {};
  if (!contact.name.trim()) errors.name = 'confirm.errors.name.required';
  if (!contact.phone.trim()) errors.phone = 'confirm.errors.phone.required';
  else if (!(rules.phoneValid ?? isPlausiblePhone)(contact.phone)) errors.phone = 'confirm.errors.phone.incorrect';
  if (contact.email.trim() && !EMAIL.test(contact.email.trim())) errors.email = 'confirm.errors.email.invalid';
  if (rules.commentRequired && !contact.comment.trim()) errors.comment = 'confirm.errors.comment.required';
  if (contact.comment.length > LIMITS.comment) errors.comment = 'widget.comment_too_long';
  if (rules.consent === false) errors.consent = 'confirm.errors.agreement_privacy_and_terms_of_use.required';
  return errors;
}

export function validateCode(code: string): string | undefined {
  return /^\d{4,6}$/.test(code.trim()) ? undefined : 'confirm.errors.code.incorrect';
}
