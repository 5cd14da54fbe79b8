/**
 * The domain, in plain Java: cases and their lifecycle, the {@code /esc} grammar, one handler per
 * sub-command, and the ports ({@link app.escalate.commands.CaseStore}) the edges implement.
 * Handlers decide and return {@link app.escalate.commands.Reply} records and
 * {@link app.escalate.commands.SlackEffect}s; they never build Block Kit, speak HTTP or hold SQL.
 * The records that cross between features (a triage suggestion, a handoff digest, a report) live
 * here, beside the unions that carry them, so feature packages depend on this one and never the
 * other way round (PackageCyclesTest).
 */
package app.escalate.commands;
