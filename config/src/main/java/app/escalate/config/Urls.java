package app.escalate.config;

import java.net.URI;
import java.net.URISyntaxException;

/** URLs in the policy: where the bot posts to. */
final class Urls {
    private Urls() {
    }

    static boolean isHttp(String text) {
        try {
            URI uri = new URI(text);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    static void http(String key, String text) {
        if (text == null || !isHttp(text)) throw new IllegalArgumentException(key + ": an http(s) URL, got \"" + text + "\"");
    }
}
