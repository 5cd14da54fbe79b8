package app.escalate.commands;

/** No case has this id that the asker may see (or none lives in this channel). */
public final class CaseNotFound extends RuntimeException {
    private final CaseId id;

    public CaseNotFound(CaseId id) {
        super(message(id), null, false, false);
        this.id = id;
    }

    /**
     * The one answer to "no such case" and "a restricted case you are not on": a non-member cannot
     * tell which case numbers exist or which are restricted.
     */
    public static String message(CaseId id) {
        return "There is no case " + id + " that you can see.";
    }

    public CaseId id() {
        return id;
    }
}
