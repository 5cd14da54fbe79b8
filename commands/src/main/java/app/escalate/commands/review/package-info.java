/**
 * Keeping the team's encoded judgment current: which prompts, routing rules and runbooks are past the date their
 * owners review them by.
 */
package app.escalate.commands.review;
