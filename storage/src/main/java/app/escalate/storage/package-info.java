/**
 * Jdbi and Flyway implementations of the stores {@code commands/} defines: cases, the
 * append-only timeline and the Slack outbox, on H2 (default) or PostgreSQL, with SQL that runs
 * unchanged on both.
 */
package app.escalate.storage;
