/**
 * The rules of decisions taken on a case ({@code /esc decide}; the records are the root's
 * {@code CaseDecision} and {@code SignOff}): who may answer a sign-off, and when a pending one is
 * reminded. A decision waits for one member of each named group; an objection rejects it unless
 * its decider overrides it with a reason.
 */
package app.escalate.commands.decisions;
