package app.escalate.config;

import java.net.URI;
import java.util.Optional;

/**
 * Where pages go beyond Slack ({@code paging.providers}): a PagerDuty service through its Events
 * API v2, and a webhook (an SMS or voice gateway) that receives the page as signed JSON. Slack
 * direct messages are always available.
 */
public record Paging(Providers providers) {
    public static final Paging NONE = new Paging(null);
    public static final String PAGERDUTY_EVENTS_URL = "https://events.pagerduty.com/v2/enqueue";

    public Paging {
        if (providers == null) providers = new Providers(null, null);
    }

    public record Providers(PagerDuty pagerduty, Webhook webhook) {
    }

    /** The routing key is read from the variable {@code routing_key_env} names, never written in the policy. */
    public record PagerDuty(String routingKeyEnv, String eventsUrl) {
        public PagerDuty {
            if (routingKeyEnv == null || !routingKeyEnv.matches("[A-Z][A-Z0-9_]{0,63}")) {
                throw new IllegalArgumentException("routing_key_env: the name of an environment variable such as PD_ROUTING_KEY, got \"" + routingKeyEnv + "\"");
            }
            if (eventsUrl == null) eventsUrl = PAGERDUTY_EVENTS_URL;
            Urls.http("events_url", eventsUrl);
        }

        public URI events() {
            return URI.create(eventsUrl);
        }
    }

    /** A JSON POST signed with the secret in {@code secret_env}, as the bot signs its other callbacks. */
    public record Webhook(String url, String secretEnv) {
        public Webhook {
            Urls.http("url", url);
            if (secretEnv == null || !secretEnv.matches("[A-Z][A-Z0-9_]{0,63}")) {
                throw new IllegalArgumentException("secret_env: the name of an environment variable such as PAGER_WEBHOOK_SECRET, got \"" + secretEnv + "\"");
            }
        }

        public URI uri() {
            return URI.create(url);
        }
    }

    public Optional<PagerDuty> pagerDuty() {
        return Optional.ofNullable(providers.pagerduty());
    }

    public Optional<Webhook> webhook() {
        return Optional.ofNullable(providers.webhook());
    }

    /** Whether {@code via} can be used: slack always, the others when configured. */
    public boolean has(String via) {
        return switch (via) {
            case "slack" -> true;
            case "pagerduty" -> pagerDuty().isPresent();
            case "webhook" -> webhook().isPresent();
            default -> false;
        };
    }
}
