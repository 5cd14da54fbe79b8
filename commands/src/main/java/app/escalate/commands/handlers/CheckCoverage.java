package app.escalate.commands.handlers;

import app.escalate.commands.Level;
import app.escalate.commands.Shift;
import app.escalate.commands.SlackEffect;
import app.escalate.commands.oncall.OnCall;
import app.escalate.commands.oncall.Schedule;
import app.escalate.config.Policy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The coverage check: over the next 14 days (holidays and overrides applied), is there any window
 * with nobody on call? If so, a notice for the team channel listing each one.
 */
public final class CheckCoverage {
    public static final Duration AHEAD = Duration.ofDays(14);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final Policy policy;
    private final OnCall onCall;
    private final Clock clock;

    public CheckCoverage(Policy policy, OnCall onCall, Clock clock) {
        this.policy = policy;
        this.onCall = onCall;
        this.clock = clock;
    }

    /** The windows with nobody on call, per rotation and level, as lines of plain text (UTC). */
    public List<String> gaps() {
        Instant now = clock.instant();
        List<String> lines = new ArrayList<>();
        for (Schedule schedule : onCall.schedules(now)) {
            boolean hasSecondary = !schedule.rotation().secondary().isEmpty();
            for (Level level : hasSecondary ? List.of(Level.PRIMARY, Level.SECONDARY) : List.of(Level.PRIMARY)) {
                for (Shift gap : schedule.gaps(level, now, now.plus(AHEAD))) {
                    lines.add(schedule.rotation().name() + ", " + level.label() + ": " + WHEN.format(gap.from()) + " to "
                            + WHEN.format(gap.until()));
                }
            }
        }
        return lines;
    }

    /** The notice to post, when there is anything to warn about. */
    public Optional<SlackEffect.TeamNotice> notice() {
        List<String> gaps = gaps();
        if (gaps.isEmpty()) return Optional.empty();
        return Optional.of(new SlackEffect.TeamNotice(policy.workspace().teamChannel(),
                "On-call coverage: nobody is on call in these windows of the next " + AHEAD.toDays() + " days (times in UTC). "
                        + "Add an override (/esc override) or change the rotation:\n- " + String.join("\n- ", gaps)));
    }
}
