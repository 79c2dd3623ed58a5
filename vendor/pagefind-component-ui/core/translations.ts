import type {
  TranslationStrings,
  TranslationFile,
  TextDirection,
} from "../types";

// CHANGED for the news archive: English only. Pagefind's build bundles all 40-odd
// translation files (16 KB of a first search, gzip-compressed); the archive's pages are
// English, and assets/search.js sets the few strings it shows through setTranslations.
import en from "../translations/en.json";

const translations: Record<string, TranslationStrings> = {
  en: { language: "en", direction: ((en as TranslationFile).direction || "ltr") as TextDirection, ...(en as TranslationFile).strings },
};

/** The English strings, whatever the page's language (see above). */
export function getTranslations(_langCode?: string): TranslationStrings {
  return translations["en"];
}

/**
 * Interpolate placeholders in a translation string.
 * Placeholders are in the format [PLACEHOLDER_NAME].
 */
export function interpolate(
  str: string | undefined,
  replacements: Record<string, string | number> = {},
  locale?: string,
): string {
  if (!str) return "";

  let result = str;
  for (const [placeholder, value] of Object.entries(replacements)) {
    const display =
      typeof value === "number" && locale
        ? new Intl.NumberFormat(locale).format(value)
        : String(value);
    result = result.replace(
      new RegExp(`\\[${placeholder}\\]`, "g"),
      display,
    );
  }
  return result;
}
