/**
 * The running app: {@link app.escalate.bot.Escalate} (main) and {@link app.escalate.bot.EscalateApp}
 * (the one place that wires settings, database, Slack, HTTP and the outbox worker).
 */
package app.escalate.bot;
