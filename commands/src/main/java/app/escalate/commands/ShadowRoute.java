package app.escalate.commands;

/**
 * What the shadow routing rules would have done with a triage suggestion, recorded beside what the
 * live rules did and shown to nobody: the first shadow rule that matched ({@code rule}) and whether
 * the suggestion would then have been applied at once ({@code apply}) or held for a person. A rule
 * saying apply still holds where triage's own limits would (a lowered severity, a type someone
 * chose, a restricted type on a public case, a resolved case), as it would if it were live.
 */
public record ShadowRoute(String rule, boolean apply) {
}
