/**
 * {@code POST /api/cases}: machines raising cases, signed like Slack's requests with a secret of
 * their own. The checks run in the order of the answers' codes; the case itself is opened by the
 * domain ({@code commands.intake.RaiseCase}).
 */
package app.escalate.bot.intake;
