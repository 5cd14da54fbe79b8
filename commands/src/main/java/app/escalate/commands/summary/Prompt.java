package app.escalate.commands.summary;

import app.escalate.commands.DraftKind;

/** What a model is asked: the versioned instructions ({@code system}) and the case as delimited data ({@code user}). */
public record Prompt(DraftKind kind, String version, String system, String user) {
}
