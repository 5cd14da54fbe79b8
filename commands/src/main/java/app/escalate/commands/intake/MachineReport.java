package app.escalate.commands.intake;

/** Which machine raised a case, and how many times it has reported it (the first report included). */
public record MachineReport(String source, int reports) {
}
