/**
 * Phone numbers inside a text written by staff ("Døgnposten, 22 00 00 00, hele døgnet"), so that the person
 * can call with one tap from Min side (docs/decisions/0018-handover-and-self-admission.md: "whom to call").
 * A Norwegian number is eight digits, written with or without single spaces, perhaps after +47 or 0047.
 * Anything longer (a national id, an account number) is left as text.
 */
export interface TextPart {
  text: string;
  /** The `tel:` address when the part is a phone number. */
  tel?: string;
}

const PHONE = /(?<![\d+] ?)(?:(?:\+|00)47 ?)?\d(?: ?\d){7}(?! ?\d)/g;

export function splitPhoneNumbers(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let at = 0;
  for (const m of text.matchAll(PHONE)) {
    const start = m.index;
    if (start > at) parts.push({ text: text.slice(at, start) });
    const digits = m[0].replaceAll(' ', '').replace(/^0047/, '+47');
    parts.push({ text: m[0], tel: `tel:${digits}` });
    at = start + m[0].length;
  }
  if (at < text.length) parts.push({ text: text.slice(at) });
  return parts;
}
