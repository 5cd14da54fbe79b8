package app.escalate.config;

import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A machine that may raise cases through {@code POST /api/cases} ({@code intake.sources[]}): its
 * id (the {@code source} its requests name), the environment variable holding the secret its
 * requests are signed with, the case types it may open, how many requests a minute it may send, and
 * optionally where its cases' state changes are posted back. The secret itself is never in the file.
 */
public record IntakeSource(String id, String secretEnv, List<String> allowedTypes, Integer maxPerMinute, String callbackUrl) {
    /** Only variables named so are read for intake secrets: nothing else in the environment is exposed by a policy. */
    public static final String SECRET_ENV_PREFIX = "INTAKE_";

    public IntakeSource {
        if (id == null || !id.matches("[a-z][a-z0-9-]{0,39}")) {
            throw new IllegalArgumentException("id: lowercase letters, digits and hyphens, starting with a letter, got \"" + id + "\"");
        }
        if (secretEnv == null || !secretEnv.matches(SECRET_ENV_PREFIX + "[A-Z0-9_]{1,60}")) {
            throw new IllegalArgumentException("secret_env: the name of an environment variable starting with " + SECRET_ENV_PREFIX
                    + " (uppercase letters, digits and _), got \"" + secretEnv + "\"");
        }
        allowedTypes = allowedTypes == null ? List.of() : List.copyOf(allowedTypes);
        if (allowedTypes.isEmpty()) throw new IllegalArgumentException("allowed_types: name at least one case type");
        Set<String> seen = new HashSet<>();
        for (String type : allowedTypes) {
            if (!seen.add(type)) throw new IllegalArgumentException("allowed_types: \"" + type + "\" twice");
        }
        if (maxPerMinute == null) throw new IllegalArgumentException("max_per_minute: missing");
        if (maxPerMinute < 1 || maxPerMinute > 10_000) {
            throw new IllegalArgumentException("max_per_minute: 1 to 10000, got " + maxPerMinute);
        }
        if (callbackUrl != null) Urls.http("callback_url", callbackUrl);
    }

    /** Without a callback. */
    public IntakeSource(String id, String secretEnv, List<String> allowedTypes, Integer maxPerMinute) {
        this(id, secretEnv, allowedTypes, maxPerMinute, null);
    }

    /** Where the state changes of this source's cases are posted, signed with its secret. */
    public Optional<URI> callback() {
        return Optional.ofNullable(callbackUrl).map(URI::create);
    }

    public boolean allows(String caseType) {
        return allowedTypes.contains(caseType);
    }
}
