/**
 * Cases raised by machines ({@code POST /api/cases}): what a report must hold, who stands as its
 * reporter, and how a report of something already open is counted on that case instead of opening
 * another. The signature and the HTTP status codes are the bot's; the decisions are here.
 */
package app.escalate.commands.intake;
