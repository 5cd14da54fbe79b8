/** The worker that delivers the outbox to Slack after the ack, in order per case, with retries. */
package app.escalate.bot.outbox;
