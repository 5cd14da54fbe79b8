package app.escalate.bot.render;

import app.escalate.commands.CaseId;
import app.escalate.commands.ChannelId;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a form's private metadata carries: the case it acts on, the channel to answer in, and (for
 * a form opened from a message's button) that message. Ids only, never state; the case is named
 * explicitly, so the form acts on it whatever channel it was opened in.
 */
public record FormTarget(CaseId caseId, ChannelId channel, Optional<String> messageTs) {
    private static final Pattern METADATA = Pattern.compile("(\\d{1,12})\\|([A-Z0-9]{3,21})(?:\\|(\\d{1,12}\\.\\d{1,8}))?");

    public String metadata() {
        return caseId.number() + "|" + channel.value() + messageTs.map(ts -> "|" + ts).orElse("");
    }

    /** The target a form's metadata names; empty when it is not one we wrote. */
    public static Optional<FormTarget> parse(String metadata) {
        if (metadata == null) return Optional.empty();
        Matcher m = METADATA.matcher(metadata);
        if (!m.matches()) return Optional.empty();
        Optional<ChannelId> channel = ChannelId.parse(m.group(2));
        return CaseId.ofNumber(m.group(1)).flatMap(id -> channel.map(ch -> new FormTarget(id, ch, Optional.ofNullable(m.group(3)))));
    }
}
