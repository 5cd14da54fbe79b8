package app.escalate.bot;

import app.escalate.commands.Level;
import app.escalate.commands.Shift;
import app.escalate.commands.oncall.OnCall;
import app.escalate.commands.oncall.Schedule;
import app.escalate.config.Secret;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Uid;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code GET /oncall/<rotation>.ics?token=…}: the rotation's shifts (overrides applied) from
 * yesterday to a month ahead, as an iCalendar feed people subscribe to. Locked by
 * {@code ONCALL_FEED_TOKEN}; without it the feeds are off.
 */
final class OnCallFeed implements Handler {
    static final Duration BACK = Duration.ofDays(1);
    static final Duration AHEAD = Duration.ofDays(30);

    private final OnCall onCall;
    private final Optional<Secret> token;
    private final Clock clock;

    OnCallFeed(OnCall onCall, Optional<Secret> token, Clock clock) {
        this.onCall = onCall;
        this.token = token;
        this.clock = clock;
    }

    @Override
    public void handle(Context ctx) throws Exception {
        if (token.isEmpty()) {
            ctx.status(404).result("Calendar feeds are off: set ONCALL_FEED_TOKEN to publish them.");
            return;
        }
        String given = Optional.ofNullable(ctx.queryParam("token")).orElse("");
        if (!MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), token.get().value().getBytes(StandardCharsets.UTF_8))) {
            ctx.status(403).result("Wrong or missing token.");
            return;
        }
        String file = ctx.pathParam("file");
        Instant now = clock.instant();
        Optional<Schedule> schedule = file.endsWith(".ics")
                ? onCall.schedule(file.substring(0, file.length() - ".ics".length()), now) : Optional.empty();
        if (schedule.isEmpty()) {
            ctx.status(404).result("No such rotation.");
            return;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new CalendarOutputter().output(calendar(schedule.get(), now), out);
        // Who is on call when is not for shared caches.
        ctx.header("Cache-Control", "private, no-store").contentType("text/calendar; charset=utf-8").result(out.toByteArray());
    }

    static Calendar calendar(Schedule schedule, Instant now) {
        Calendar calendar = new Calendar().withProdId("-//Escalate//On-call " + schedule.rotation().name() + "//EN")
                .withDefaults().getFluentTarget();
        for (Level level : Level.values()) {
            for (Shift shift : schedule.shifts(level, now.minus(BACK), now.plus(AHEAD))) {
                VEvent event = new VEvent(shift.from(), shift.until(),
                        capitalised(level.label()) + " on call: " + shift.who().value() + " (" + shift.source() + ")");
                event.add(new Uid(schedule.rotation().id() + "-" + level.label() + "-" + shift.from().getEpochSecond()
                        + "-" + shift.who().value() + "@escalate"));
                calendar.add(event);
            }
        }
        return calendar;
    }

    private static String capitalised(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
