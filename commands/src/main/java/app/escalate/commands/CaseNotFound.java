package app.escalate.commands;

/** No case has this id (or none lives in this channel). */
public final class CaseNotFound extends RuntimeException {
    private final CaseId id;

    public CaseNotFound(CaseId id) {
        super("There is no case " + id + ".", null, false, false);
        this.id = id;
    }

    public CaseId id() {
        return id;
    }
}
