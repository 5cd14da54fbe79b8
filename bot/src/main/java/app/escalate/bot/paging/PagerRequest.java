package app.escalate.bot.paging;

import app.escalate.commands.Case;
import app.escalate.commands.PersonPage;
import app.escalate.commands.SlackEffect;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON a pager receives for a call. A restricted case's title and the page's reason never
 * leave the workspace: the pager hears the case id, severity and where to look, nothing more.
 */
final class PagerRequest {
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();
    static final String SOURCE = "escalate";

    private PagerRequest() {
    }

    /** PagerDuty Events API v2: a trigger carries the summary and details; acknowledge and resolve only the key. */
    static String pagerDuty(String routingKey, SlackEffect.PagerCall call, Case c, Optional<PersonPage> page, String personName) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("routing_key", routingKey);
        body.put("event_action", call.action());
        body.put("dedup_key", call.dedupKey());
        if (call.action().equals("trigger")) {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("summary", summary(c, page, personName));
            payload.put("severity", severity(c));
            payload.put("source", SOURCE);
            payload.put("custom_details", details(c, page, call));
            body.put("payload", payload);
            link(c).ifPresent(href -> body.put("links", List.of(Map.of("href", href, "text", channelName(c)))));
        }
        return GSON.toJson(body);
    }

    /** The webhook's body: the same facts, flat, for an SMS or voice gateway to read out. */
    static String webhook(SlackEffect.PagerCall call, Case c, Optional<PersonPage> page, String personName, String at) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("case", c.id().toString());
        body.put("action", call.action());
        body.put("dedup_key", call.dedupKey());
        body.put("page", call.page());
        call.person().ifPresent(p -> body.put("person", Map.of("id", p.value(), "name", personName)));
        body.put("severity", c.severity().toString());
        body.put("summary", summary(c, page, personName));
        body.put("channel", channelName(c));
        link(c).ifPresent(href -> body.put("url", href));
        body.put("at", at);
        return GSON.toJson(body);
    }

    static String summary(Case c, Optional<PersonPage> page, String personName) {
        String what = c.restricted() ? "restricted case: details in Slack" : c.title();
        String why = page.flatMap(PersonPage::reason).filter(r -> !c.restricted()).map(r -> " — " + r).orElse("");
        String text = c.id() + " " + c.severity() + ": " + what + why + (personName.isEmpty() ? "" : " (paging " + personName + ")");
        // PagerDuty keeps 1,024 characters of a summary.
        return text.length() > 1000 ? text.substring(0, 999) + "…" : text;
    }

    private static Map<String, Object> details(Case c, Optional<PersonPage> page, SlackEffect.PagerCall call) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("case", c.id().toString());
        details.put("severity", c.severity().toString());
        details.put("state", c.state().name().toLowerCase(java.util.Locale.ROOT));
        details.put("channel", channelName(c));
        call.person().ifPresent(p -> details.put("person", p.value()));
        page.flatMap(PersonPage::level).ifPresent(l -> details.put("as", l));
        page.flatMap(PersonPage::requestedBy).ifPresent(by -> details.put("requested_by", by.value()));
        return details;
    }

    /** PagerDuty's severities, most urgent first, for SEV1 to SEV4. */
    static String severity(Case c) {
        return switch (c.severity().level()) {
            case 1 -> "critical";
            case 2 -> "error";
            case 3 -> "warning";
            default -> "info";
        };
    }

    /** The channel's name, which is made from the title: for a restricted case, only the case id leaves Slack. */
    private static String channelName(Case c) {
        if (c.restricted()) return c.id().toString();
        return c.channel().map(ch -> "#" + ch.name()).orElse(c.id().toString());
    }

    /** Where the case lives in Slack, once its channel exists. */
    private static Optional<String> link(Case c) {
        return c.channel().map(ch -> "https://slack.com/app_redirect?channel=" + URLEncoder.encode(ch.id().value(), StandardCharsets.UTF_8));
    }
}
