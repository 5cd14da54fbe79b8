package app.escalate.config;

/** The smallest valid policy, which policy tests add their section to. */
final class PolicyLoaderTestYaml {
    static final String VALID = """
            workspace:
              team_channel: "#escalations"
              leadership_channel: "#esc-leadership"
            severities:
              SEV1: {label: Critical, ack: 5m, mitigate: 1h, resolve: 24h}
              SEV2: {label: High, ack: 15m, mitigate: 4h}
              SEV3: {label: Moderate, ack: 1h, mitigate: 1d}
              SEV4: {label: Low, ack: 4h, mitigate: 3d}
            case_types:
              - id: deepfake
                label: Deepfake / synthetic media
                default_severity: SEV2
            """;

    private PolicyLoaderTestYaml() {
    }
}
