package app.escalate.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Collectors;

/** Reads the YAML policy file into {@link Policy}; any fault names the key path and line. */
public final class PolicyLoader {
    public static final String BUILT_IN = "/policy.example.yml";

    private static final YAMLMapper MAPPER = YAMLMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .addModule(new SimpleModule().addDeserializer(Duration.class, new DurationDeserializer()))
            .build();

    private PolicyLoader() {
    }

    /** The file at {@code path}, or the built-in example policy when there is none. */
    public static Policy load(java.util.Optional<Path> path) {
        return path.map(PolicyLoader::load).orElseGet(PolicyLoader::builtIn);
    }

    public static Policy load(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            return read(in, "ESCALATE_CONFIG (" + path + ")");
        } catch (IOException e) {
            throw new SettingsException("ESCALATE_CONFIG (" + path + "): cannot read: " + e.getMessage(), e);
        }
    }

    public static Policy builtIn() {
        try (InputStream in = PolicyLoader.class.getResourceAsStream(BUILT_IN)) {
            if (in == null) throw new IllegalStateException("built-in policy missing from the jar");
            return read(in, "built-in policy");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Policy read(InputStream in, String source) {
        try {
            byte[] yaml = in.readAllBytes();
            Policy policy = new String(yaml, java.nio.charset.StandardCharsets.UTF_8).isBlank()
                    ? null : MAPPER.readValue(yaml, Policy.class);
            if (policy == null) throw new SettingsException(source + ": the file is empty");
            return policy;
        } catch (JacksonException e) {
            throw new SettingsException(source + ": " + describe(e), e);
        } catch (IOException e) {
            throw new SettingsException(source + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static String describe(JacksonException e) {
        String where = line(e.getLocation());
        if (e instanceof UnrecognizedPropertyException u) {
            return path(u) + ": unknown key" + where;
        }
        if (e instanceof JsonMappingException m) {
            Throwable cause = m.getCause();
            String reason = cause instanceof IllegalArgumentException ? cause.getMessage() : m.getOriginalMessage();
            String path = path(m);
            return (path.isEmpty() ? "" : path + ": ") + firstLine(reason) + where;
        }
        return firstLine(e.getOriginalMessage()) + where;
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining())
                .replaceFirst("^\\.", "");
    }

    private static String line(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? "" : " (line " + location.getLineNr() + ")";
    }

    private static String firstLine(String text) {
        if (text == null) return "invalid value";
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }

    private static final class DurationDeserializer extends JsonDeserializer<Duration> {
        @Override
        public Duration deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            try {
                return DurationText.parse(p.getValueAsString(""));
            } catch (RuntimeException e) {
                throw JsonMappingException.from(p, e.getMessage(), e);
            }
        }
    }
}
