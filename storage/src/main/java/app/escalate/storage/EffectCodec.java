package app.escalate.storage;

import app.escalate.commands.CaseId;
import app.escalate.commands.SlackEffect;
import app.escalate.commands.UserId;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Outbox rows outlive the code that wrote them, so each effect has an explicit, stable form:
 * a kind name and a flat JSON payload.
 */
final class EffectCodec {
    private EffectCodec() {
    }

    record Encoded(String kind, String payload) {
    }

    static Encoded encode(SlackEffect effect) {
        Map<String, String> p = new HashMap<>();
        p.put("case", Long.toString(effect.caseId().number()));
        String kind;
        if (effect instanceof SlackEffect.CreateChannel e) {
            kind = "create_channel";
            p.put("name", e.name());
            p.put("private", Boolean.toString(e.isPrivate()));
        } else if (effect instanceof SlackEffect.InviteToChannel e) {
            kind = "invite";
            p.put("users", e.users().stream().map(UserId::value).collect(Collectors.joining(",")));
        } else if (effect instanceof SlackEffect.PostCaseCard) {
            kind = "post_card";
        } else if (effect instanceof SlackEffect.PinCaseCard) {
            kind = "pin_card";
        } else if (effect instanceof SlackEffect.TellReporter e) {
            kind = "tell_reporter";
            p.put("user", e.reporter().value());
            e.responseUrl().ifPresent(url -> p.put("response_url", url));
        } else {
            throw new IllegalArgumentException("no outbox form for " + effect);
        }
        return new Encoded(kind, Json.write(p));
    }

    static SlackEffect decode(String kind, String payload) {
        Map<String, String> p = Json.read(payload);
        CaseId caseId = new CaseId(Long.parseLong(p.get("case")));
        return switch (kind) {
            case "create_channel" -> new SlackEffect.CreateChannel(caseId, p.get("name"), Boolean.parseBoolean(p.get("private")));
            case "invite" -> new SlackEffect.InviteToChannel(caseId, users(p.get("users")));
            case "post_card" -> new SlackEffect.PostCaseCard(caseId);
            case "pin_card" -> new SlackEffect.PinCaseCard(caseId);
            case "tell_reporter" -> new SlackEffect.TellReporter(caseId, new UserId(p.get("user")),
                    Optional.ofNullable(p.get("response_url")));
            default -> throw new IllegalArgumentException("unknown outbox kind " + kind);
        };
    }

    private static List<UserId> users(String csv) {
        return csv == null || csv.isEmpty() ? List.of() : Arrays.stream(csv.split(",")).map(UserId::new).toList();
    }

    static String streamOf(SlackEffect effect) {
        return "case:" + effect.caseId().number();
    }
}
