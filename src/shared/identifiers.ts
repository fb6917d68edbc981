/**
 * Moroccan company identifiers (SPEC §5). ICE: 15 digits (9 for the company, 4 for the establishment,
 * 2 check digits); the check-digit rule is not published, so only the form is checked.
 */
export const icePattern = /^[0-9]{15}$/;

/** Spaces and dots people type inside an ICE are dropped before checking. */
export function normalizeIce(value: string): string {
  return value.replace(/[\s.]/g, '');
}

export function isValidIce(value: string): boolean {
  return icePattern.test(normalizeIce(value)) && !/^0+$/.test(normalizeIce(value));
}

/** IF (identifiant fiscal), RC number, Patente/TP and CNSS: digits, up to 12 (RC numbers may carry a court prefix elsewhere). */
export const registryNumberPattern = /^[0-9]{1,12}$/;
