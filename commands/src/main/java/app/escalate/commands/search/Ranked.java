package app.escalate.commands.search;

/** A case's place in a ranking: the mixed score, and the two it was mixed from (words normalised to the best hit's). */
public record Ranked(long caseNumber, double score, double meaning, double words) {
}
