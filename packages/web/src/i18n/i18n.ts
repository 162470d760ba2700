// The catalogue's words only, not the contract's schemas: nothing of TypeBox comes into the bundle.
import { catalogue } from '@bedring/contract/words/words';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import adminEn from './admin.en.json';
import adminNb from './admin.nb.json';
import checkinEn from './checkin.en.json';
import checkinNb from './checkin.nb.json';
import en from './en.json';
import exportEn from './export.en.json';
import exportNb from './export.nb.json';
import handoverEn from './handover.en.json';
import handoverNb from './handover.nb.json';
import journalEn from './journal.en.json';
import journalNb from './journal.nb.json';
import nb from './nb.json';
import offlineEn from './offline.en.json';
import offlineNb from './offline.nb.json';
import planEn from './plan.en.json';
import planNb from './plan.nb.json';
import questionnaireEn from './questionnaire.en.json';
import questionnaireNb from './questionnaire.nb.json';
import relativesEn from './relatives.en.json';
import relativesNb from './relatives.nb.json';
import workEn from './work.en.json';
import workNb from './work.nb.json';
import worklistsEn from './worklists.en.json';
import worklistsNb from './worklists.nb.json';

/** Norsk bokmål is the default; English is available. The choice is kept in localStorage (not personal data). */
export const Languages = ['nb', 'en'] as const;
export type Language = (typeof Languages)[number];

const STORAGE_KEY = 'bedring.language';

function storedLanguage(): Language {
  try {
    const v = window.localStorage.getItem(STORAGE_KEY);
    if (v === 'nb' || v === 'en') return v;
  } catch {
    // Storage can be blocked; the default is fine.
  }
  return 'nb';
}

function applyLanguage(lng: string) {
  document.documentElement.lang = lng;
  try {
    window.localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // Not remembered, still switched.
  }
}

type Tree = { [key: string]: unknown };

/**
 * The server's words (packages/contract/src/words: errors.*, export.*, labels.* …) under the web's own:
 * a label is written once, in the catalogue (docs/architecture.md, "Words"). Areas merge key by key; where
 * both have a key the web's text stands, as it did before the catalogue.
 */
function under(words: Tree, web: Tree): Tree {
  const out: Tree = { ...words };
  for (const [k, v] of Object.entries(web)) {
    const there = out[k];
    out[k] =
      v && typeof v === 'object' && there && typeof there === 'object' ? under(there as Tree, v as Tree) : v;
  }
  return out;
}

/**
 * The browser test of every page (e2e/translation-keys.test.ts) puts an array in window.bedringMissingKeys
 * before the app starts. Then no language falls back to the other, and every key the page asks for that the
 * shown language lacks is written into that array, so a missing English text is found as surely as a raw key
 * (docs/decisions/0017-words-per-role.md). Without the array nothing changes.
 */
const missingKeys = (window as { bedringMissingKeys?: unknown }).bedringMissingKeys;
const recordMissing = Array.isArray(missingKeys) ? (missingKeys as string[]) : null;

void i18next.use(initReactI18next).init({
  // The work pages, the questionnaires and the plans keep their strings in files of their own
  // (top-level keys "work", "questionnaire", "plan", "offline", "export" and "checkin").
  resources: {
    nb: {
      translation: under(under(catalogue.nb, handoverNb), {
        ...nb,
        ...workNb,
        ...questionnaireNb,
        ...planNb,
        ...offlineNb,
        ...exportNb,
        ...checkinNb,
        ...journalNb,
        ...worklistsNb,
        ...relativesNb,
        // The admin page's rule forms add to the "admin" strings of nb.json.
        admin: { ...nb.admin, ...adminNb.admin },
      }),
    },
    en: {
      translation: under(under(catalogue.en, handoverEn), {
        ...en,
        ...workEn,
        ...questionnaireEn,
        ...planEn,
        ...offlineEn,
        ...exportEn,
        ...checkinEn,
        ...journalEn,
        ...worklistsEn,
        ...relativesEn,
        admin: { ...en.admin, ...adminEn.admin },
      }),
    },
  },
  lng: storedLanguage(),
  fallbackLng: recordMissing ? false : 'nb',
  saveMissing: recordMissing !== null,
  missingKeyHandler: (lngs, _ns, key) => recordMissing?.push(`${lngs.join(',')}: ${key}`),
  supportedLngs: [...Languages],
  initAsync: false,
  interpolation: { escapeValue: false },
  react: { useSuspense: false },
});
document.documentElement.lang = i18next.language;
i18next.on('languageChanged', applyLanguage);

export function currentLanguage(): Language {
  return i18next.language === 'en' ? 'en' : 'nb';
}

export function setLanguage(lng: Language) {
  void i18next.changeLanguage(lng);
}

export { i18next };
