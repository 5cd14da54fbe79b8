/**
 * Shift swaps ({@code /esc swap}): someone asks for cover for part of a shift they hold, the first
 * eligible person to press Cover takes it as an override, and unanswered requests are reminded
 * once and expire when the shift starts. Decisions live here; the store keeps the request, the
 * override and the messages they imply in one transaction.
 */
package app.escalate.commands.swap;
