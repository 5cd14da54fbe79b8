/**
 * {@code /esc search}: the in-process sentence embedding model, the indexer that keeps each case's
 * searchable text and embedding current (and fills them in for cases from before), and the search
 * that ranks, filters and checks who may see each hit.
 */
package app.escalate.bot.search;
