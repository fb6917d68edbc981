import { formatInstant } from '../../shared/calendar.js';
import type { Locale } from '../../shared/locales.js';
import type { InstantInput } from '../../shared/morocco-time.js';
import { translate } from './messages.js';

/**
 * An instant as e-mails and messages write it: on the park's clock, saying so ("17 juil. 2027, 17:00 heure du
 * Maroc"), the same text the web app shows for it.
 */
export function formatParkTime(instant: InstantInput, locale: Locale): string {
  return `${formatInstant(instant, locale)} ${translate(locale, 'time.morocco')}`;
}
