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
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** Reads the YAML policy file into {@link Policy}; any fault names the key path and line. */
public final class PolicyLoader {
    public static final String BUILT_IN = "/policy.example.yml";

    private static final YAMLMapper MAPPER = YAMLMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .addModule(new JavaTimeModule())
            .addModule(new SimpleModule().addDeserializer(Duration.class, new DurationDeserializer()))
            .build();

    private PolicyLoader() {
    }

    /** The file at {@code path}, or the built-in example policy when there is none. */
    public static Policy load(java.util.Optional<Path> path) {
        return path.map(PolicyLoader::load).orElseGet(PolicyLoader::builtIn);
    }

    public static Policy load(Path path) {
        return load(path, "ESCALATE_CONFIG");
    }

    /** The file at {@code path}, which any fault names as {@code setting (path)}: the variable or option that gave it. */
    public static Policy load(Path path, String setting) {
        try (InputStream in = Files.newInputStream(path)) {
            return read(in, setting + " (" + path + ")");
        } catch (IOException e) {
            throw new SettingsException(setting + " (" + path + "): cannot read: " + e.getMessage(), e);
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
            String text = new String(yaml, StandardCharsets.UTF_8);
            if (text.isBlank()) throw new SettingsException(source + ": the file is empty");
            try {
                return MAPPER.readValue(yaml, Policy.class);
            } catch (JacksonException e) {
                throw new SettingsException(source + ": " + describe(e, text), e);
            }
        } catch (IOException e) {
            throw new SettingsException(source + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static String describe(JacksonException e, String yaml) {
        if (!(e instanceof JsonMappingException m)) return firstLine(e.getOriginalMessage()) + line(e.getLocation());
        List<YamlLines.Step> steps = m.getPath().stream()
                .map(ref -> new YamlLines.Step(ref.getFieldName(), ref.getIndex()))
                .toList();
        String where = YamlLines.lineOf(yaml, steps).map(n -> " (line " + n + ")").orElseGet(() -> line(m.getLocation()));
        String path = steps.stream()
                .map(step -> step.key() != null ? "." + step.key() : "[" + step.index() + "]")
                .collect(Collectors.joining())
                .replaceFirst("^\\.", "");
        String prefix = path.isEmpty() ? "" : path + ": ";
        if (e instanceof UnrecognizedPropertyException) return prefix + "unknown key" + where;
        Throwable cause = m.getCause();
        String reason = cause instanceof IllegalArgumentException ? cause.getMessage() : m.getOriginalMessage();
        return prefix + firstLine(reason) + where;
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
