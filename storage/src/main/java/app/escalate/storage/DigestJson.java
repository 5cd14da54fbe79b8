package app.escalate.storage;

import app.escalate.commands.HandoffDigest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Handoff digests as stored JSON. Unknown fields are skipped, so a snapshot written by an older or
 * newer version still renders.
 */
final class DigestJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new Jdk8Module())
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private DigestJson() {
    }

    static String write(HandoffDigest digest) {
        try {
            return MAPPER.writeValueAsString(digest);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static HandoffDigest read(String json) {
        try {
            return MAPPER.readValue(json, HandoffDigest.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored handoff digest unreadable: " + e.getOriginalMessage(), e);
        }
    }
}
