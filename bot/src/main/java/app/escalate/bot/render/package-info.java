/** Pure functions from domain records to Slack text and Block Kit; every piece of user text is escaped here. */
package app.escalate.bot.render;
