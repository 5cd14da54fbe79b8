package app.escalate.commands;

/** The Slack channel a case lives in, once the outbox has created it. */
public record CaseChannel(ChannelId id, String name) {
}
