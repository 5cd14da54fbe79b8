package app.escalate.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The runtime contract's environment variables, parsed and checked. Only {@code main} reads
 * {@code System.getenv()}; everything else receives this record.
 */
public record BotSettings(Optional<Secret> botToken, Optional<Secret> signingSecret, Optional<Secret> appToken,
                          URI slackApiUrl, int port, String databaseUrl, Optional<Path> policyFile,
                          LlmSettings llm, Optional<Secret> oncallFeedToken, OptionalInt managementPort,
                          Map<String, Secret> intakeSecrets, Map<String, Secret> pagerSecrets) {

    public BotSettings {
        intakeSecrets = Map.copyOf(intakeSecrets == null ? Map.of() : intakeSecrets);
        pagerSecrets = Map.copyOf(pagerSecrets == null ? Map.of() : pagerSecrets);
    }

    /** Without pager secrets. */
    public BotSettings(Optional<Secret> botToken, Optional<Secret> signingSecret, Optional<Secret> appToken,
                       URI slackApiUrl, int port, String databaseUrl, Optional<Path> policyFile,
                       LlmSettings llm, Optional<Secret> oncallFeedToken, OptionalInt managementPort, Map<String, Secret> intakeSecrets) {
        this(botToken, signingSecret, appToken, slackApiUrl, port, databaseUrl, policyFile, llm, oncallFeedToken, managementPort, intakeSecrets,
                Map.of());
    }

    /** Without intake secrets. */
    public BotSettings(Optional<Secret> botToken, Optional<Secret> signingSecret, Optional<Secret> appToken,
                       URI slackApiUrl, int port, String databaseUrl, Optional<Path> policyFile,
                       LlmSettings llm, Optional<Secret> oncallFeedToken, OptionalInt managementPort) {
        this(botToken, signingSecret, appToken, slackApiUrl, port, databaseUrl, policyFile, llm, oncallFeedToken, managementPort, Map.of());
    }

    public static final String DEFAULT_SLACK_API_URL = "https://slack.com/api/";
    public static final String DEFAULT_DATABASE_URL = "jdbc:h2:file:./data/escalate";

    /** How the bot talks to Slack, decided by which tokens are present. */
    public enum Mode { SANDBOX, HTTP, SOCKET }

    public static BotSettings fromEnv(Map<String, String> env) {
        Optional<Secret> botToken = secret(env, "SLACK_BOT_TOKEN");
        Optional<Secret> signingSecret = secret(env, "SLACK_SIGNING_SECRET");
        Optional<Secret> appToken = secret(env, "SLACK_APP_TOKEN");
        if (botToken.isPresent() && appToken.isEmpty() && signingSecret.isEmpty()) {
            throw new SettingsException("SLACK_SIGNING_SECRET is required with SLACK_BOT_TOKEN in HTTP mode "
                    + "(or set SLACK_APP_TOKEN for Socket Mode)");
        }
        if (appToken.isPresent() && botToken.isEmpty()) {
            throw new SettingsException("SLACK_APP_TOKEN needs SLACK_BOT_TOKEN as well");
        }
        LlmProvider provider = LlmProvider.parse(value(env, "LLM_PROVIDER").orElse("none"));
        boolean needsKey = provider == LlmProvider.ANTHROPIC || (provider == LlmProvider.OPENAI && value(env, "LLM_BASE_URL").isEmpty());
        if (needsKey && secret(env, "LLM_API_KEY").isEmpty()) {
            throw new SettingsException("LLM_API_KEY is required with LLM_PROVIDER=" + provider.name().toLowerCase(java.util.Locale.ROOT)
                    + (provider == LlmProvider.OPENAI ? " (unless LLM_BASE_URL names a server that needs none)" : ""));
        }
        return new BotSettings(botToken, signingSecret, appToken,
                apiUrl(value(env, "SLACK_API_URL").orElse(DEFAULT_SLACK_API_URL)),
                port("PORT", value(env, "PORT").orElse("3000")),
                databaseUrl(value(env, "DATABASE_URL").orElse(DEFAULT_DATABASE_URL)),
                value(env, "ESCALATE_CONFIG").map(BotSettings::policyFile),
                new LlmSettings(provider,
                        value(env, "LLM_BASE_URL"), value(env, "LLM_MODEL"), secret(env, "LLM_API_KEY"),
                        value(env, "LLM_TIMEOUT").map(BotSettings::timeout).orElse(LlmSettings.DEFAULT_TIMEOUT)),
                secret(env, "ONCALL_FEED_TOKEN").map(BotSettings::feedToken),
                value(env, "MANAGEMENT_PORT").map(p -> OptionalInt.of(port("MANAGEMENT_PORT", p))).orElse(OptionalInt.empty()),
                intakeSecrets(env), pagerSecrets(env));
    }

    /**
     * The secrets pagers are called with, by variable name: the policy names the variable
     * ({@code paging.providers.pagerduty.routing_key_env}, {@code ….webhook.secret_env}), which may be
     * any, so every variable is kept here, masked, and only the ones the policy names are read.
     */
    private static Map<String, Secret> pagerSecrets(Map<String, String> env) {
        Map<String, Secret> secrets = new java.util.HashMap<>();
        env.keySet().stream().filter(name -> name.matches("[A-Z][A-Z0-9_]{0,63}"))
                .forEach(name -> secret(env, name).ifPresent(s -> secrets.put(name, s)));
        return secrets;
    }

    /** The secrets machines sign {@code POST /api/cases} with: the variables named {@code INTAKE_…} (a source's {@code secret_env}). */
    private static Map<String, Secret> intakeSecrets(Map<String, String> env) {
        Map<String, Secret> secrets = new java.util.HashMap<>();
        env.keySet().stream().filter(name -> name.startsWith(IntakeSource.SECRET_ENV_PREFIX))
                .forEach(name -> secret(env, name).ifPresent(s -> secrets.put(name, s)));
        return secrets;
    }

    /** Never prints secrets: tokens are masked by {@link Secret}, passwords in URLs here. */
    @Override
    public String toString() {
        return "BotSettings[mode=" + mode() + ", slackApiUrl=" + slackApiUrl + ", port=" + port
                + (managementPort.isPresent() ? ", managementPort=" + managementPort.getAsInt() : "")
                + ", databaseUrl=" + redact(databaseUrl) + ", policyFile=" + policyFile.map(Path::toString).orElse("built-in")
                + ", llm=" + llm.provider() + "]";
    }

    private static java.time.Duration timeout(String text) {
        try {
            java.time.Duration d = DurationText.parse(text);
            if (d.compareTo(java.time.Duration.ofMinutes(5)) > 0 || d.compareTo(java.time.Duration.ofSeconds(1)) < 0) {
                throw new IllegalArgumentException("1s to 5m");
            }
            return d;
        } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
            throw new SettingsException("LLM_TIMEOUT must be a duration such as 20s or 1m (1s to 5m), got \"" + text + "\"");
        }
    }

    /** A JDBC URL with any password or user-info credentials masked. */
    static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1****").replaceAll("//[^/@]*:[^/@]*@", "//****@");
    }

    public Mode mode() {
        if (botToken.isEmpty()) return Mode.SANDBOX;
        return appToken.isPresent() ? Mode.SOCKET : Mode.HTTP;
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::trim).filter(v -> !v.isEmpty());
    }

    private static Optional<Secret> secret(Map<String, String> env, String name) {
        return value(env, name).map(Secret::new);
    }

    private static URI apiUrl(String text) {
        String withSlash = text.endsWith("/") ? text : text + "/";
        try {
            URI uri = new URI(withSlash);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new URISyntaxException(text, "not an http(s) URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new SettingsException("SLACK_API_URL must be an http(s) URL ending in /api/, got \"" + text + "\"");
        }
    }

    private static int port(String name, String text) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 0 && port <= 65535) return port;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new SettingsException(name + " must be a whole number from 0 to 65535, got \"" + text + "\"");
    }

    private static String databaseUrl(String text) {
        if (text.startsWith("jdbc:h2:") || text.startsWith("jdbc:postgresql:")) return text;
        throw new SettingsException("DATABASE_URL must be a jdbc:h2: or jdbc:postgresql: URL, got \"" + redact(text) + "\"");
    }

    private static Secret feedToken(Secret token) {
        if (token.value().length() < 16) {
            throw new SettingsException("ONCALL_FEED_TOKEN must be at least 16 characters (it is the only lock on the calendar feeds)");
        }
        return token;
    }

    private static Path policyFile(String text) {
        Path path = Path.of(text);
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new SettingsException("ESCALATE_CONFIG names no readable file: " + text);
        }
        return path;
    }
}
