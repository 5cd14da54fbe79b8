package app.escalate.storage;

import app.escalate.commands.CaseEvent;
import app.escalate.commands.CaseId;
import app.escalate.commands.ChannelId;
import app.escalate.commands.SlackEffect;
import app.escalate.commands.UserId;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One sample of every kind of {@link SlackEffect}, found from the sealed hierarchy itself: a kind
 * added tomorrow is in this list without anyone remembering to add it, so the tests that walk it
 * fail until its storage form and its delivery exist.
 */
public final class EffectSamples {
    private EffectSamples() {
    }

    /** Every record that implements {@link SlackEffect}, directly or through a sealed sub-interface. */
    public static List<Class<?>> kinds() {
        List<Class<?>> kinds = new ArrayList<>();
        collect(SlackEffect.class, kinds);
        return kinds;
    }

    public static List<SlackEffect> all() {
        return kinds().stream().map(kind -> (SlackEffect) sample(kind)).toList();
    }

    private static void collect(Class<?> type, List<Class<?>> into) {
        if (type.isRecord()) into.add(type);
        else if (type.isSealed()) Arrays.stream(type.getPermittedSubclasses()).forEach(sub -> collect(sub, into));
        else throw new AssertionError(type + " is neither a record nor sealed: its kinds cannot be listed");
    }

    /** A value of {@code type}, built through its canonical constructor when it is a record. */
    private static Object sample(Type type) {
        if (type instanceof ParameterizedType p) {
            Type arg = p.getActualTypeArguments()[0];
            if (p.getRawType() == List.class) return List.of(sample(arg));
            if (p.getRawType() == Optional.class) return Optional.of(sample(arg));
            throw new AssertionError("no sample for " + type);
        }
        Class<?> c = (Class<?>) type;
        if (c == String.class) return "https://hooks.slack.com/actions/T0ESC/1/sample";
        if (c == long.class || c == Long.class) return 7L;
        if (c == int.class || c == Integer.class) return 7;
        if (c == double.class) return 0.25;
        if (c == boolean.class) return true;
        if (c == CaseId.class) return new CaseId(7);
        if (c == UserId.class) return new UserId("U0ESCMARIA");
        if (c == ChannelId.class) return new ChannelId("C0ESC7");
        if (c == Duration.class) return Duration.ofMinutes(30);
        if (c == Instant.class) return Instant.parse("2026-12-06T10:15:30Z");
        if (c == LocalDate.class) return LocalDate.of(2027, 1, 31);
        if (c == CaseEvent.class) {
            return CaseEvent.of(new CaseId(7), Instant.parse("2026-12-06T10:15:30Z"), new UserId("U0ESCMARIA"), CaseEvent.Kind.NOTE_ADDED,
                    Map.of("text", "Takedown requested"));
        }
        if (c.isEnum()) return c.getEnumConstants()[0];
        if (c.isRecord()) {
            RecordComponent[] parts = c.getRecordComponents();
            Object[] values = Arrays.stream(parts).map(part -> part.getName().equals("owner") ? "U0ESCMARIA" : sample(part.getGenericType()))
                    .toArray();
            try {
                return c.getDeclaredConstructor(Arrays.stream(parts).map(RecordComponent::getType).toArray(Class<?>[]::new)).newInstance(values);
            } catch (ReflectiveOperationException e) {
                throw new AssertionError("cannot build a sample " + c.getSimpleName(), e);
            }
        }
        throw new AssertionError("no sample for " + type);
    }
}
