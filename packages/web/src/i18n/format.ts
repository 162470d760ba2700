import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** Dates in the reader's language: nb-NO for bokmål, en-GB for English. */
export function useFormat() {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en-GB' : 'nb-NO';
  return useMemo(() => {
    const day = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric' });
    const calendarDay = new Intl.DateTimeFormat(locale, {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
    const moment = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    return {
      /** A point in time shown as a day. */
      date: (iso: string) => day.format(new Date(iso)),
      /** A point in time with the time of day. */
      dateTime: (iso: string) => moment.format(new Date(iso)),
      /** A calendar date such as a birth date (YYYY-MM-DD): no time zone may shift it. */
      calendarDate: (ymd: string) => calendarDay.format(new Date(`${ymd.slice(0, 10)}T00:00:00Z`)),
    };
  }, [locale]);
}
