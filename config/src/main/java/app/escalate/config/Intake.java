package app.escalate.config;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The machines that may raise cases ({@code intake}); without the section, none may. */
public record Intake(List<IntakeSource> sources) {
    public static final Intake NONE = new Intake(List.of());

    public Intake {
        sources = sources == null ? List.of() : List.copyOf(sources);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < sources.size(); i++) {
            if (!ids.add(sources.get(i).id())) {
                throw new IllegalArgumentException("sources[" + i + "].id: \"" + sources.get(i).id() + "\" is used twice");
            }
        }
    }

    public Optional<IntakeSource> source(String id) {
        return sources.stream().filter(s -> s.id().equals(id)).findFirst();
    }
}
