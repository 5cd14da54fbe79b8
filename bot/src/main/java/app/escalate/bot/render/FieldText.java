package app.escalate.bot.render;

import app.escalate.config.CaseField;
import app.escalate.config.Policy;

import java.time.Instant;
import java.util.Optional;

/** A case field's value as Slack shows it: a link, a time each reader sees in their own zone, a mention, or escaped text. */
final class FieldText {
    private FieldText() {
    }

    /** The field of the case's type called {@code id}, else of any type (the case's type changed since it was set). */
    static Optional<CaseField> field(Policy policy, Optional<String> caseType, String id) {
        return caseType.flatMap(policy::caseType).flatMap(t -> t.field(id))
                .or(() -> policy.caseTypes().stream().flatMap(t -> t.fields().stream()).filter(f -> f.id().equals(id)).findFirst());
    }

    /** {@code value} as mrkdwn; text (and a link too long to show whole) is cut at {@code max} characters. */
    static String value(Optional<CaseField> field, String value, int max) {
        CaseField.Kind kind = field.map(CaseField::kind).orElse(CaseField.Kind.TEXT);
        return switch (kind) {
            // Kept URLs are http(s) with no < > |: safe inside Slack's link token once & is escaped. One longer than
            // what may be shown is cut as text: a link token cannot be cut, and would crowd out the rest of its block.
            case URL -> value.length() <= max ? "<" + value.replace("&", "&amp;") + ">" : Mrkdwn.clip(Mrkdwn.escape(value), max);
            case DATETIME -> Mrkdwn.date(Instant.parse(value));
            case USER -> Mrkdwn.user(value);
            default -> Mrkdwn.clip(Mrkdwn.escape(value), max);
        };
    }
}
