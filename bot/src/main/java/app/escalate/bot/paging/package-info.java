/**
 * The pagers beyond Slack: PagerDuty's Events API v2 and a signed webhook (an SMS or voice
 * gateway), called from the outbox's job worker, each try recorded on the case's timeline.
 */
package app.escalate.bot.paging;
