package app.escalate.storage;

import app.escalate.commands.CaseEvent;
import app.escalate.commands.CaseId;
import app.escalate.commands.ChannelId;
import app.escalate.commands.EventData;
import app.escalate.commands.Guess;
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

/** Sample values of records, built through their canonical constructors, for tests that walk a sealed hierarchy. */
final class Samples {
    static final Instant AT = Instant.parse("2026-12-06T10:15:30Z");

    private Samples() {
    }

    /** Every record that implements {@code root}, directly or through a sealed sub-interface. */
    static List<Class<?>> records(Class<?> root) {
        List<Class<?>> kinds = new ArrayList<>();
        collect(root, kinds);
        return kinds;
    }

    private static void collect(Class<?> type, List<Class<?>> into) {
        if (type.isRecord()) into.add(type);
        else if (type.isSealed()) Arrays.stream(type.getPermittedSubclasses()).forEach(sub -> collect(sub, into));
        else throw new AssertionError(type + " is neither a record nor sealed: its kinds cannot be listed");
    }

    /**
     * A value of {@code type}. {@code full}: every optional value present, every list with an entry
     * and every flag set; otherwise optional values absent, lists empty and flags clear.
     */
    static Object of(Type type, boolean full) {
        if (type instanceof ParameterizedType p) {
            Type arg = p.getActualTypeArguments()[0];
            if (p.getRawType() == List.class) return full ? List.of(of(arg, true)) : List.of();
            if (p.getRawType() == Optional.class) return full ? Optional.of(of(arg, true)) : Optional.empty();
            if (p.getRawType() == Guess.class) return new Guess<>(of(arg, full), 0.25);
            // Maps are keyed by ids (a field's, say), so the key is one.
            if (p.getRawType() == Map.class) return full ? Map.of("sample_id", of(p.getActualTypeArguments()[1], true)) : Map.of();
            throw new AssertionError("no sample for " + type);
        }
        Class<?> c = (Class<?>) type;
        if (c == String.class) return "https://hooks.slack.com/actions/T0ESC/1/sample";
        if (c == long.class || c == Long.class) return 7L;
        if (c == int.class || c == Integer.class) return 7;
        if (c == double.class) return 0.25;
        if (c == boolean.class) return full;
        if (c == CaseId.class) return new CaseId(7);
        if (c == UserId.class) return new UserId("U0ESCMARIA");
        if (c == ChannelId.class) return new ChannelId("C0ESC7");
        if (c == Duration.class) return Duration.ofMinutes(30);
        if (c == Instant.class) return AT;
        if (c == LocalDate.class) return LocalDate.of(2027, 1, 31);
        if (c == CaseEvent.class) return new CaseEvent(new CaseId(7), AT, new UserId("U0ESCMARIA"), new EventData.NoteAdded("Takedown requested"));
        if (c.isEnum()) return c.getEnumConstants()[full ? c.getEnumConstants().length - 1 : 0];
        if (c.isRecord()) {
            RecordComponent[] parts = c.getRecordComponents();
            Object[] values = Arrays.stream(parts).map(part -> part.getName().equals("owner") ? "U0ESCMARIA" : of(part.getGenericType(), full))
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
