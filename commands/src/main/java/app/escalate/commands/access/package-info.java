/**
 * Who may do what on a case: steer it (its owner, the on-call, {@code responders}) or work it (its
 * people as well). Above the on-call schedules it asks, below every feature that checks.
 */
package app.escalate.commands.access;
