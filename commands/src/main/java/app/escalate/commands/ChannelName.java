package app.escalate.commands;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Case channel names under Slack's rules: lowercase letters, digits and hyphens, at most 80
 * characters, e.g. {@code esc-42-deepfake-video-of-a-candidate}.
 */
public final class ChannelName {
    public static final int MAX_LENGTH = 80;

    private ChannelName() {
    }

    public static String of(String prefix, CaseId id, String title) {
        String base = prefix + "-" + id.number();
        String slug = slug(title);
        return slug.isEmpty() ? base : fit(base + "-" + slug, MAX_LENGTH);
    }

    /** Another name when {@code name} is taken: {@code <name>-2}, {@code -3} …, still at most 80. */
    public static String alternative(String name, int attempt) {
        String suffix = "-" + attempt;
        return fit(name, MAX_LENGTH - suffix.length()) + suffix;
    }

    static String slug(String title) {
        String ascii = Normalizer.normalize(title, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return ascii.toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
    }

    /** Cuts at a word boundary where one is near, never leaving a trailing hyphen. */
    private static String fit(String name, int max) {
        if (name.length() <= max) return name;
        String cut = name.substring(0, max);
        int hyphen = cut.lastIndexOf('-');
        if (hyphen > max - 15 && hyphen > 0) cut = cut.substring(0, hyphen);
        return cut.replaceAll("-+$", "");
    }
}
