package app.escalate.commands;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether people's verdicts on an AI's output have turned against it: the share of the latest
 * {@link #WINDOW} verdicts that went its way (a draft posted, a triage suggestion kept, a duplicate
 * flag judged right) against the share among all verdicts before them. Drafts, triage and the
 * duplicate flags are each watched this way, and the team told at most once per window.
 */
public final class AcceptanceDrift {
    /** The latest this many verdicts are watched, against all before them (so at least twice as many are needed). */
    public static final int WINDOW = 20;
    /** "Well below": this many percentage points under the share before them. */
    public static final double DROP = 0.25;

    /** The latest {@link #WINDOW} verdicts' share {@code recent} against {@code baseline} before them, out of {@code decided} in all. */
    public record Drop(double recent, double baseline, int decided) {
        /** e.g. "kept over the last 20 verdicts is 30%, against 85% before them." */
        public String describe(String share, String verdicts) {
            return String.format(Locale.ROOT, "%s over the last %d %s is %.0f%%, against %.0f%% before them.",
                    share, WINDOW, verdicts, recent * 100, baseline * 100);
        }
    }

    private AcceptanceDrift() {
    }

    /** The drop, when the latest {@link #WINDOW} of {@code wentItsWayOldestFirst} fell {@link #DROP} or more below those before them. */
    public static Optional<Drop> of(List<Boolean> wentItsWayOldestFirst) {
        int n = wentItsWayOldestFirst.size();
        if (n < 2 * WINDOW) return Optional.empty();
        double baseline = share(wentItsWayOldestFirst.subList(0, n - WINDOW));
        double recent = share(wentItsWayOldestFirst.subList(n - WINDOW, n));
        return recent <= baseline - DROP ? Optional.of(new Drop(recent, baseline, n)) : Optional.empty();
    }

    /**
     * Whether the team should be told of {@code drop} now: never told before, or told when there
     * were {@code lastAlertAt} verdicts and a whole window has been decided since (0: never told).
     */
    public static boolean due(Drop drop, int lastAlertAt) {
        return lastAlertAt == 0 || drop.decided() >= lastAlertAt + WINDOW;
    }

    private static double share(List<Boolean> verdicts) {
        return verdicts.isEmpty() ? 0 : (double) verdicts.stream().filter(Boolean::booleanValue).count() / verdicts.size();
    }
}
