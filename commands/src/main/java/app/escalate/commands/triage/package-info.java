/**
 * AI triage at intake: a suggested type, severity and surfaces for a new case, and values for its
 * type's fields found in the reporter's text, from a model or, without one, from the policy's
 * keywords; and the team's routing rules that decide whether a suggestion (and each value) is
 * applied at once or waits for a person.
 */
package app.escalate.commands.triage;
