/**
 * Pages to people: each climbs its person's notify steps (Slack, then a pager) until they
 * acknowledge it, waits out their quiet hours unless the case is a SEV1, and stops its pagers when
 * the case is acknowledged or resolved. Decisions only; the pagers are called from the outbox.
 */
package app.escalate.commands.paging;
