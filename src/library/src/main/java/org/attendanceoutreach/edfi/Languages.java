package org.attendanceoutreach.edfi;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Ed-Fi language code values to BCP 47 tags: ISO 639-1 ({@code es}), ISO 639-2 ({@code spa},
 * bibliographic {@code chi} too) and English names ({@code Spanish}); the shortest tag wins
 * ({@code spa} becomes {@code es}). Anything else is unknown (null).
 */
final class Languages {
    private static final Map<String, String> BY_CODE = new HashMap<>();
    private static final Map<String, String> BY_NAME = new HashMap<>();

    static {
        for (String two : Locale.getISOLanguages()) {
            Locale l = Locale.forLanguageTag(two);
            BY_CODE.put(two, two);
            try {
                BY_CODE.putIfAbsent(l.getISO3Language(), two);
            } catch (java.util.MissingResourceException e) {
                // no three-letter code known
            }
            String name = l.getDisplayLanguage(Locale.ENGLISH).toLowerCase(Locale.ROOT);
            if (!name.isEmpty() && !name.equals(two)) {
                BY_NAME.putIfAbsent(name, two);
            }
        }
        // ISO 639-2 bibliographic codes, which differ from the terminology codes Java knows
        String[][] bibliographic = {{"alb", "sq"}, {"arm", "hy"}, {"baq", "eu"}, {"bur", "my"}, {"chi", "zh"}, {"cze", "cs"},
                {"dut", "nl"}, {"fre", "fr"}, {"geo", "ka"}, {"ger", "de"}, {"gre", "el"}, {"ice", "is"}, {"mac", "mk"},
                {"mao", "mi"}, {"may", "ms"}, {"per", "fa"}, {"rum", "ro"}, {"slo", "sk"}, {"tib", "bo"}, {"wel", "cy"}};
        for (String[] b : bibliographic) {
            BY_CODE.putIfAbsent(b[0], b[1]);
        }
    }

    private Languages() {
    }

    /** The BCP 47 tag for an ISO 639 code or an English language name, or null when it is neither. */
    static String toTag(String codeValue) {
        String v = codeValue.strip().toLowerCase(Locale.ROOT);
        String tag = BY_CODE.get(v);
        if (tag != null) {
            return tag;
        }
        if (v.matches("[a-z]{3}")) {
            // a three-letter code without a two-letter one (hmn, yue, …) is its own tag, when Java knows the language
            String name = Locale.forLanguageTag(v).getDisplayLanguage(Locale.ENGLISH);
            if (!name.isEmpty() && !name.equalsIgnoreCase(v)) {
                return v;
            }
        }
        return BY_NAME.get(v);
    }
}
