/**
 * One handler per {@code /esc} sub-command, named after it, and {@link app.escalate.commands.handlers.EscCommands},
 * the one place that routes to them. Changes to a case are pure decisions
 * ({@link app.escalate.commands.handlers.CaseChange}) run inside the store's transaction.
 */
package app.escalate.commands.handlers;
