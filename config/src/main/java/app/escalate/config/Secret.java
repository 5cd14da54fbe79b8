package app.escalate.config;

import java.util.Objects;

/** A credential read from the environment; never printed, whatever logs it. */
public record Secret(String value) {
    public Secret {
        Objects.requireNonNull(value);
    }

    @Override
    public String toString() {
        return "****";
    }
}
