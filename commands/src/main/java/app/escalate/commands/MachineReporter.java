package app.escalate.commands;

/**
 * Who stands as the reporter of a case a machine raised. A case needs a reporter, but a source is
 * no Slack user: this id has a user id's shape and belongs to nobody, so it is never invited,
 * paged or sent a direct message; the card and the timeline name the source instead.
 */
public final class MachineReporter {
    public static final UserId ID = new UserId("U0INTAKE0");

    private MachineReporter() {
    }

    public static boolean is(UserId user) {
        return ID.equals(user);
    }
}
