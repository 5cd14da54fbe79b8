package app.escalate.bot.slack;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;

/**
 * Which response URLs the bot will post to: Slack's own ({@code https://hooks.slack.com/…}) and
 * those on the host that serves the Web API at {@code SLACK_API_URL} (a stand-in Slack). The URL
 * arrives inside a request, so this keeps the bot from being made to post anywhere else.
 */
final class ResponseUrls {
    private static final String SLACK_HOOKS = "https://hooks.slack.com/";

    private final URI apiUrl;

    ResponseUrls(URI apiUrl) {
        this.apiUrl = apiUrl;
    }

    boolean trusted(String url) {
        if (url.startsWith(SLACK_HOOKS)) return true;
        try {
            URI uri = new URI(url);
            return Objects.equals(uri.getScheme(), apiUrl.getScheme()) && Objects.equals(uri.getHost(), apiUrl.getHost())
                    && uri.getPort() == apiUrl.getPort() && uri.getUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
