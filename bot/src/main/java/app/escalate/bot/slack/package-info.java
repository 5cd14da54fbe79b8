/**
 * Slack at the edges: the {@code /slack/events} route into Bolt, the {@code /esc} handler, and the
 * Web API calls that deliver outbox effects. Only this package talks to Slack.
 */
package app.escalate.bot.slack;
