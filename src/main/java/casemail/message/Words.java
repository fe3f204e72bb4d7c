package casemail.message;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The words of emails and portal pages in the customer's language: Dutch, English, German or
 * French, else English. Read from {@code i18n/words_<language>.properties}.
 */
public final class Words {

  public static final List<String> LANGUAGES = List.of("nl", "en", "de", "fr");
  private static final Map<String, Words> CACHE = new ConcurrentHashMap<>();

  private final Locale locale;
  private final ResourceBundle bundle;

  private Words(Locale locale) {
    this.locale = locale;
    this.bundle = ResourceBundle.getBundle("i18n.words", locale,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  public static Words of(String language) {
    var supported = LANGUAGES.contains(language) ? language : "en";
    // The regional variant decides how dates and amounts read: "3 Dec 2026", not "Dec 3".
    return CACHE.computeIfAbsent(supported, code -> new Words(Locale.forLanguageTag(
        code + "-" + (code.equals("en") ? "GB" : code.toUpperCase(Locale.ROOT)))));
  }

  public String language() {
    return locale.getLanguage();
  }

  public Locale locale() {
    return locale;
  }

  public String get(String key, Object... arguments) {
    // Always through MessageFormat, so an apostrophe is written '' in every bundle.
    return new MessageFormat(bundle.getString(key), locale).format(arguments);
  }
}
