package app.escalate.commands.summary;

import app.escalate.commands.SlackText;
import com.google.common.net.InternetDomainName;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The links in a text as Slack would make them clickable: {@code http(s)://…}, {@code www.…}, and
 * bare domains under a public suffix ({@code status-example.com/x}, {@code Evil.shop}; not
 * {@code Node.js} or {@code e.g.}). Each is kept by a normal form (no scheme, no {@code www.},
 * host in lower case, no trailing slash or punctuation), so the same place written two ways is
 * one link.
 */
final class Links {
    /** Not inside a word, but right after mrkdwn's {@code _*~} or a colon, as Slack still links there. */
    private static final Pattern URL = Pattern.compile("(?i)(?<![a-z0-9])(?:https?://|www\\.)[^\\s<>|\"'`]+");
    private static final Pattern BARE = Pattern.compile("(?i)(?<![a-z0-9@./-])((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63})"
            + "(/[^\\s<>|\"'`]*)?(?![a-z0-9-])");
    private static final int SHOWN = 80;

    private Links() {
    }

    /** Normal form → the link as written (clipped for showing), in order of appearance. */
    static Map<String, String> in(String text) {
        Map<String, String> links = new LinkedHashMap<>();
        Matcher url = URL.matcher(text);
        StringBuilder rest = new StringBuilder();
        while (url.find()) {
            add(links, url.group());
            url.appendReplacement(rest, " ");
        }
        url.appendTail(rest);
        for (Matcher bare = BARE.matcher(rest); bare.find(); ) {
            if (isDomain(bare.group(1))) add(links, bare.group());
        }
        return links;
    }

    /** A host under a public suffix ({@code example.com}, {@code example.co.uk}), by the public suffix list. */
    private static boolean isDomain(String host) {
        try {
            return InternetDomainName.from(host.toLowerCase(Locale.ROOT)).isUnderPublicSuffix();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void add(Map<String, String> links, String written) {
        String trimmed = written.replaceAll("[.,;:!?)\\]}*_~]+$", "");
        String normal = normal(trimmed);
        if (normal.isEmpty() || !normal.contains(".")) return;
        links.putIfAbsent(normal, SlackText.clip(trimmed, SHOWN));
    }

    static String normal(String link) {
        String s = link.replaceFirst("(?i)^https?://", "").replaceFirst("(?i)^www\\.", "");
        int slash = s.indexOf('/');
        String host = (slash < 0 ? s : s.substring(0, slash)).toLowerCase(Locale.ROOT);
        String path = slash < 0 ? "" : s.substring(slash);
        return (host + path).replaceAll("/+$", "");
    }
}
