package app.escalate.storage;

import app.escalate.commands.SlackEffect;

import java.util.List;

/**
 * One sample of every kind of {@link SlackEffect}, found from the sealed hierarchy itself: a kind
 * added tomorrow is in this list without anyone remembering to add it, so the tests that walk it
 * fail until its storage form and its delivery exist.
 */
public final class EffectSamples {
    private EffectSamples() {
    }

    public static List<Class<?>> kinds() {
        return Samples.records(SlackEffect.class);
    }

    public static List<SlackEffect> all() {
        return kinds().stream().map(kind -> (SlackEffect) Samples.of(kind, true)).toList();
    }
}
