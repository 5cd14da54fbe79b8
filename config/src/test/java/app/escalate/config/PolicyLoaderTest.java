package app.escalate.config;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class PolicyLoaderTest {

    private static final String VALID = PolicyLoaderTestYaml.VALID;

    private static String example() {
        try (var in = PolicyLoader.class.getResourceAsStream("/policy.example.yml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Policy read(String yaml) {
        return PolicyLoader.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "policy.yml");
    }

    @Test
    void the_built_in_example_covers_the_teams_case_types() {
        Policy policy = PolicyLoader.builtIn();

        assertThat(policy.caseTypes()).extracting(CaseType::id).containsExactly(
                "llm-hallucination", "agent-misbehaviour", "deepfake", "cross-platform-integrity",
                "civic-event", "advertiser-integrity", "regulatory-request");
        assertThat(policy.severity(1).ack()).isEqualTo(Duration.ofMinutes(5));
        assertThat(policy.workspace().channelPrefix()).isEqualTo("esc");
        assertThat(policy.group("legal")).containsExactly("U0ESCPRIYA");
    }

    @Test
    void reads_a_minimal_policy_with_defaults() {
        Policy policy = read(VALID);

        assertThat(policy.workspace().teamChannel()).isEqualTo("escalations");
        assertThat(policy.severity(2).resolveWithin()).isEmpty();
        assertThat(policy.caseType("deepfake")).get().extracting(CaseType::defaultSeverityLevel).isEqualTo(2);
        assertThat(policy.caseType("nope")).isEmpty();
    }

    @Test
    void prompts_name_their_owner_and_review_date_and_mistakes_name_their_key() {
        assertThat(PolicyLoader.builtIn().prompts()).containsOnlyKeys("exec-summary", "rca", "triage");
        Policy policy = read(VALID + "prompts:\n  rca: {owner: U0ESCAMARA, review_by: 2027-01-15}\n");
        assertThat(policy.prompts().get("rca")).isEqualTo(new Review("U0ESCAMARA", java.time.LocalDate.of(2027, 1, 15)));

        assertThatThrownBy(() -> read(VALID + "prompts:\n  triage-v9: {owner: U0ESCAMARA, review_by: 2027-01-15}\n"))
                .hasMessageStartingWith("policy.yml: prompts.triage-v9: no such prompt; the prompts are exec-summary, rca, triage");
        assertThatThrownBy(() -> read(VALID + "prompts:\n  rca: {review_by: 2027-01-15}\n"))
                .hasMessage("policy.yml: prompts.rca: owner: missing (the Slack user id of who keeps it current) (line 14)");
        assertThatThrownBy(() -> read(VALID + "prompts:\n  rca: {owner: amara, review_by: 2027-01-15}\n"))
                .hasMessageStartingWith("policy.yml: prompts.rca: owner");
        assertThatThrownBy(() -> read(VALID + "prompts:\n  rca: {owner: U0ESCAMARA, review_by: next spring}\n"))
                .hasMessageStartingWith("policy.yml: prompts.rca.review_by:");
        assertThatThrownBy(() -> read(VALID + "prompts:\n  rca:\n"))
                .hasMessageStartingWith("policy.yml: prompts.rca: owner and review_by missing");
    }

    @Test
    void similar_case_thresholds_default_and_mistakes_name_their_key() {
        assertThat(read(VALID).similar()).isEqualTo(new Similar(0.4, 0.65));
        String similar = VALID + """
                similar:
                  suggest_threshold: 0.5
                  duplicate_threshold: 0.8
                """;
        assertThat(read(similar).similar()).isEqualTo(new Similar(0.5, 0.8));
        assertThatThrownBy(() -> read(similar.replace("0.8", "0.3")))
                .hasMessageStartingWith("policy.yml: similar: duplicate_threshold: must be at least suggest_threshold (0.5)");
        assertThatThrownBy(() -> read(similar.replace("0.5", "1.5")))
                .hasMessageStartingWith("policy.yml: similar: suggest_threshold: a similarity above 0 and at most 1, got 1.5");
        assertThatThrownBy(() -> read(similar.replace("duplicate_threshold", "duplicates")))
                .hasMessageStartingWith("policy.yml: similar.duplicates: unknown key");
    }

    @Test
    void fairness_defaults_to_a_day_of_spread_and_no_monthly_post_and_mistakes_name_their_key_and_line() {
        assertThat(read(VALID).fairness()).isEqualTo(new FairnessPolicy(java.time.Duration.ofHours(24), false));
        assertThat(PolicyLoader.builtIn().fairness()).isEqualTo(new FairnessPolicy(java.time.Duration.ofHours(24), true));
        String fairness = VALID + """
                fairness:
                  max_spread: 36h
                  monthly_post: true
                """;
        assertThat(read(fairness).fairness()).isEqualTo(new FairnessPolicy(java.time.Duration.ofHours(36), true));
        assertThatThrownBy(() -> read(fairness.replace("36h", "a lot")))
                .hasMessageStartingWith("policy.yml: fairness.max_spread: a duration such as 15m, 4h or 2d, got \"a lot\" (line ");
        assertThatThrownBy(() -> read(fairness.replace("36h", "100d")))
                .hasMessageStartingWith("policy.yml: fairness: max_spread: at most 92d (a quarter), got 2400h (line ");
        assertThatThrownBy(() -> read(fairness.replace("monthly_post", "monthly")))
                .hasMessageStartingWith("policy.yml: fairness.monthly: unknown key (line ");
        assertThatThrownBy(() -> read(fairness.replace("true", "sometimes")))
                .hasMessageStartingWith("policy.yml: fairness.monthly_post:");
    }

    @Test
    void ai_failure_modes_are_read_owned_and_their_mistakes_name_their_key() {
        assertThat(read(VALID).ai().failureModes()).isEmpty();
        assertThat(PolicyLoader.builtIn().ai().failureMode("invented-fact").map(FailureMode::label)).contains("Invented fact");
        String ai = VALID + """
                ai:
                  owner: U0ESCMARIA
                  review_by: 2027-03-31
                  failure_modes:
                    - id: invented-fact
                      label: Invented fact
                    - id: tone
                      label: Tone
                """;
        assertThat(read(ai).ai().failureModes()).extracting(FailureMode::id).containsExactly("invented-fact", "tone");
        assertThat(read(ai).ai().review()).contains(new Review("U0ESCMARIA", java.time.LocalDate.parse("2027-03-31")));
        assertThatThrownBy(() -> read(ai.replace("id: tone", "id: invented-fact")))
                .hasMessageStartingWith("policy.yml: ai: failure_modes[1].id: \"invented-fact\" is used twice");
        assertThatThrownBy(() -> read(ai.replace("  owner: U0ESCMARIA\n", "")))
                .hasMessageStartingWith("policy.yml: ai: owner: missing");
        assertThatThrownBy(() -> read(ai.replace("id: tone", "id: Tone!")))
                .hasMessageContaining("id: lowercase letters, digits and hyphens, got \"Tone!\"");
    }

    @Test
    void intake_sources_are_read_and_mistakes_name_their_key_and_line() {
        IntakeSource example = PolicyLoader.builtIn().intake().source("trust-classifier").orElseThrow();
        assertThat(example.secretEnv()).isEqualTo("INTAKE_TRUST_CLASSIFIER_SECRET");
        assertThat(example.allows("deepfake")).isTrue();
        assertThat(read(VALID).intake().sources()).isEmpty();

        String source = VALID + """
                intake:
                  sources:
                    - id: classifier
                      secret_env: INTAKE_CLASSIFIER_SECRET
                      allowed_types: [deepfake]
                      max_per_minute: 30
                """;
        assertThat(read(source).intake().source("classifier").orElseThrow().maxPerMinute()).isEqualTo(30);
        assertThatThrownBy(() -> read(source.replace("[deepfake]", "[deepfakes]")))
                .hasMessageStartingWith("policy.yml: intake.sources[0].allowed_types: no case type \"deepfakes\" under case_types");
        assertThatThrownBy(() -> read(source.replace("INTAKE_CLASSIFIER_SECRET", "SLACK_BOT_TOKEN")))
                .hasMessageStartingWith("policy.yml: intake.sources[0]: secret_env: the name of an environment variable starting with INTAKE_")
                .hasMessageContaining("(line 15)");
        assertThatThrownBy(() -> read(source.replace("max_per_minute: 30", "max_per_minute: 0")))
                .hasMessageStartingWith("policy.yml: intake.sources[0]: max_per_minute: 1 to 10000, got 0");
        assertThat(read(source.replace("max_per_minute: 30", "max_per_minute: 30\n      callback_url: https://hooks.example/esc"))
                .intake().source("classifier").orElseThrow().callback()).contains(java.net.URI.create("https://hooks.example/esc"));
        assertThatThrownBy(() -> read(source.replace("max_per_minute: 30", "max_per_minute: 30\n      callback_url: ftp://x")))
                .hasMessageStartingWith("policy.yml: intake.sources[0]: callback_url: an http(s) URL, got \"ftp://x\"");
        assertThatThrownBy(() -> read(source.replace("max_per_minute: 30", "max_per_minute: 30\n      callback: https://x")))
                .hasMessageStartingWith("policy.yml: intake.sources[0].callback: unknown key (line 19)");
        assertThatThrownBy(() -> read(source + "    - {id: classifier, secret_env: INTAKE_B, allowed_types: [deepfake], max_per_minute: 1}\n"))
                .hasMessageStartingWith("policy.yml: intake: sources[1].id: \"classifier\" is used twice");
    }

    @Test
    void triage_rules_and_keywords_are_read_and_mistakes_name_their_key() {
        Triage triage = PolicyLoader.builtIn().triage();
        assertThat(triage.rules()).extracting(RoutingRule::name).containsExactly("sev1-needs-a-human", "regulatory-needs-a-human",
                "unsure-needs-a-human", "confident-deepfake", "confident-hallucination");
        assertThat(triage.rules().get(3).applies()).isTrue();
        assertThat(triage.surfaces()).containsKey("video");
        assertThat(PolicyLoader.builtIn().caseType("deepfake").orElseThrow().keywords()).contains("deepfake*", "face swap");

        String rule = VALID + "triage:\n  rules:\n    - {name: r, when: {type: deepfake, at_least: 0.8}, then: apply, owner: U0ESCOMAR, review_by: 2027-01-01}\n";
        assertThat(read(rule).triage().rules()).singleElement().satisfies(r -> assertThat(r.when().atLeast()).isEqualTo(0.8));
        assertThatThrownBy(() -> read(rule.replace("type: deepfake", "type: deepfakes")))
                .hasMessageStartingWith("policy.yml: triage.rules[0].when.type: no case type \"deepfakes\" under case_types");
        assertThatThrownBy(() -> read(rule.replace("then: apply", "then: maybe")))
                .hasMessageStartingWith("policy.yml: triage.rules[0]: then: apply or hold, got \"maybe\"");
        assertThatThrownBy(() -> read(rule.replace("at_least: 0.8", "at_least: 80")))
                .hasMessageStartingWith("policy.yml: triage.rules[0].when: at_least: a confidence from 0 to 1, got 80.0");
        assertThatThrownBy(() -> read(rule.replace("owner: U0ESCOMAR, ", "")))
                .hasMessageStartingWith("policy.yml: triage.rules[0]: owner: missing");
        assertThatThrownBy(() -> read(VALID + "triage:\n  severity_keywords:\n    SEV5: [apocalypse]\n"))
                .hasMessageStartingWith("policy.yml: triage: severity_keywords.SEV5: one of [SEV1, SEV2, SEV3, SEV4]");
        assertThatThrownBy(() -> read(VALID.replace("default_severity: SEV2", "default_severity: SEV2\n    keywords: [deepfake, \" \"]")))
                .hasMessageStartingWith("policy.yml: case_types[0]: keywords[1]: blank");
    }

    @Test
    void a_rule_is_live_unless_it_says_shadow_and_a_shadow_rule_is_checked_like_the_others() {
        String rules = VALID + """
                triage:
                  rules:
                    - {name: live, when: {below: 0.6}, then: hold, owner: U0ESCOMAR, review_by: 2027-01-01}
                    - {name: trial, when: {type: deepfake, at_least: 0.7}, then: apply, shadow: true, owner: U0ESCOMAR, review_by: 2027-01-01}
                """;
        assertThat(read(rules).triage().rules()).extracting(RoutingRule::name, RoutingRule::shadow)
                .containsExactly(tuple("live", false), tuple("trial", true));
        assertThat(PolicyLoader.builtIn().triage().rules()).noneMatch(RoutingRule::shadow);

        assertThatThrownBy(() -> read(rules.replace("name: trial", "name: live")))
                .hasMessageStartingWith("policy.yml: triage: rules[1].name: \"live\" is used twice");
        assertThatThrownBy(() -> read(rules.replace("shadow: true, owner: U0ESCOMAR, ", "shadow: true, ")))
                .hasMessageStartingWith("policy.yml: triage.rules[1]: owner: missing");
        assertThatThrownBy(() -> read(rules.replace("shadow: true, owner: U0ESCOMAR, review_by: 2027-01-01", "shadow: true, owner: U0ESCOMAR")))
                .hasMessageStartingWith("policy.yml: triage.rules[1]: review_by: missing");
        assertThatThrownBy(() -> read(rules.replace("shadow: true", "shadow: maybe")))
                .hasMessageStartingWith("policy.yml: triage.rules[1].shadow:");
    }

    @Test
    void an_unknown_key_is_named_with_its_path_and_line() {
        String yaml = VALID.replace("  SEV2: {", "  SEV2: {colour: red, ");
        assertThatThrownBy(() -> read(yaml))
                .isInstanceOf(SettingsException.class)
                .hasMessage("policy.yml: severities.SEV2.colour: unknown key (line 6)");
    }

    @Test
    void a_bad_duration_is_named_with_its_path_and_line() {
        String yaml = VALID.replace("ack: 15m", "ack: soon");
        assertThatThrownBy(() -> read(yaml))
                .hasMessage("policy.yml: severities.SEV2.ack: a duration such as 15m, 4h or 2d, got \"soon\" (line 6)");
    }

    @Test
    void an_inconsistent_clock_is_refused() {
        String yaml = VALID.replace("ack: 5m, mitigate: 1h", "ack: 2h, mitigate: 1h");
        assertThatThrownBy(() -> read(yaml))
                .hasMessage("policy.yml: severities.SEV1: ack: must not be longer than mitigate (line 5)");
    }

    @Test
    void a_missing_severity_is_refused() {
        String yaml = VALID.replace("  SEV4: {label: Low, ack: 4h, mitigate: 3d}\n", "");
        assertThatThrownBy(() -> read(yaml))
                .hasMessageContaining("severities: must define exactly SEV1, SEV2, SEV3, SEV4");
    }

    @Test
    void case_types_carry_fields_of_the_kinds_they_take_and_when_each_must_be_filled() {
        Policy policy = PolicyLoader.builtIn();

        CaseType regulatory = policy.caseType("regulatory-request").orElseThrow();
        assertThat(regulatory.fields()).extracting(CaseField::id).containsExactly("regulator", "jurisdiction", "reference", "received_at");
        assertThat(regulatory.field("received_at")).get().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(CaseField.Kind.DATETIME);
            assertThat(f.required()).contains(CaseField.Stage.OPEN);
        });
        CaseType hallucination = policy.caseType("llm-hallucination").orElseThrow();
        assertThat(hallucination.fields()).extracting(CaseField::id)
                .contains("model", "model_version", "surfaces", "prompt_excerpt", "output_excerpt", "reproduction", "reach");
        assertThat(hallucination.field("prompt_excerpt")).get().extracting(CaseField::restricted).isEqualTo(true);
        assertThat(hallucination.field("surfaces")).get().extracting(CaseField::kind).isEqualTo(CaseField.Kind.CHOICES);
        assertThat(policy.caseType("agent-misbehaviour").orElseThrow().field("model")).isPresent();
        assertThat(policy.caseType("deepfake").orElseThrow().fields()).extracting(CaseField::id)
                .containsExactly("depicted", "media_url", "first_seen", "spread");
        assertThat(hallucination.field("nope")).isEmpty();
    }

    @Test
    void field_mistakes_are_named_with_their_path_and_line() {
        String field = VALID + "    fields:\n      - {id: media_url, label: Media URL, type: %s}\n";
        assertThatThrownBy(() -> read(field.formatted("link")))
                .hasMessageContaining("case_types[0].fields[0]: type: one of text, long_text, number, url, choice, choices, datetime, user, got \"link\"")
                .hasMessageContaining("(line 14)");
        assertThatThrownBy(() -> read(field.formatted("choice")))
                .hasMessageContaining("options: a choice field lists its options");
        assertThatThrownBy(() -> read(field.formatted("url, options: [a]")))
                .hasMessageContaining("options: only a choice or choices field has options");
        assertThatThrownBy(() -> read(field.formatted("url, required_by: triage")))
                .hasMessageContaining("required_by: open, mitigated or resolve, got \"triage\"");
        assertThatThrownBy(() -> read(field.formatted("choices, options: [EU, eu]")))
                .hasMessageContaining("options: \"eu\" twice");
        assertThatThrownBy(() -> read(VALID + "    fields:\n      - {id: Media-URL, label: Media URL, type: url}\n"))
                .hasMessageContaining("id: lowercase letters, digits and underscores");
        assertThatThrownBy(() -> read(VALID + "    fields:\n      - {id: a, label: A, type: url}\n      - {id: a, label: B, type: text}\n"))
                .hasMessageContaining("fields: \"a\" is used twice");
    }

    @Test
    void deadlines_run_from_the_open_time_or_a_datetime_field_and_mistakes_are_named() {
        CaseType regulatory = PolicyLoader.builtIn().caseType("regulatory-request").orElseThrow();
        assertThat(regulatory.deadline("regulator-reply")).get().satisfies(d -> {
            assertThat(d.after()).isEqualTo(Duration.ofDays(10));
            assertThat(d.fromField()).contains("received_at");
            assertThat(d.warnBefore()).contains(Duration.ofDays(2));
        });
        assertThat(PolicyLoader.builtIn().caseType("deepfake").orElseThrow().deadline("takedown")).get()
                .extracting(CaseDeadline::fromField).isEqualTo(java.util.Optional.empty());

        String deadline = VALID + "    fields:\n      - {id: media_url, label: Media URL, type: url}\n    deadlines:\n      - %s\n";
        assertThatThrownBy(() -> read(deadline.formatted("{name: takedown, after: 48h, from: media_url}")))
                .hasMessageContaining("deadlines: \"takedown\" runs from \"media_url\", which is not a datetime field of this type");
        assertThatThrownBy(() -> read(deadline.formatted("{name: takedown, after: 48h, warn_at: 48h}")))
                .hasMessageContaining("warn_at: how long before the deadline to warn, shorter than after");
        assertThatThrownBy(() -> read(deadline.formatted("{name: Take Down, after: 48h}")))
                .hasMessageContaining("name: lowercase letters, digits and hyphens");
        assertThatThrownBy(() -> read(deadline.formatted("{name: takedown}")))
                .hasMessageContaining("after: a duration such as 72h or 30d");
    }

    @Test
    void a_case_type_with_an_unknown_default_severity_is_refused() {
        String yaml = VALID.replace("default_severity: SEV2", "default_severity: SEV9");
        assertThatThrownBy(() -> read(yaml))
                .hasMessage("policy.yml: case_types[0]: default_severity: one of [SEV1, SEV2, SEV3, SEV4], got \"SEV9\" (line 10)");
    }

    @Test
    void the_example_rotation_hands_over_with_a_reminder_then_an_escalation() {
        HandoffPolicy handoff = PolicyLoader.builtIn().rotation("escalations").orElseThrow().handoff();

        assertThat(handoff.remindAfter()).isEqualTo(Duration.ofMinutes(15));
        assertThat(handoff.escalateAfter()).isEqualTo(Duration.ofMinutes(45));
        assertThat(handoff.ownChannel()).isEmpty();
    }

    @Test
    void a_handoff_escalation_before_its_reminder_is_refused_with_its_line() {
        String policy = example().replace("escalate_after: 45m", "escalate_after: 10m");
        assertThatThrownBy(() -> read(policy))
                .hasMessageStartingWith("policy.yml: rotations[0].handoff: escalate_after: must be longer than remind_after (15m)");
    }

    @Test
    void a_shift_reminder_is_optional_and_the_example_reminds_an_hour_before() {
        assertThat(PolicyLoader.builtIn().rotation("escalations").flatMap(Rotation::reminder)).contains(Duration.ofHours(1));
        assertThat(read(example().replace("    remind_before: 1h", "    remind_before: 90m")).rotations().get(0).reminder())
                .contains(Duration.ofMinutes(90));
        assertThat(read(example().replace("    remind_before: 1h", "    remind_before: 24h")).rotations().get(0).reminder())
                .contains(Duration.ofHours(24));
        assertThat(read(example().replaceAll("    remind_before: 1h[^\\n]*\\n", "")).rotations().get(0).reminder()).isEmpty();
    }

    @Test
    void a_shift_reminder_of_nothing_or_more_than_a_day_ahead_is_refused_at_its_key_and_line() {
        String yaml = example();
        int line = yaml.substring(0, yaml.indexOf("    remind_before: 1h")).split("\n", -1).length;
        assertThatThrownBy(() -> read(yaml.replace("remind_before: 1h", "remind_before: 25h")))
                .hasMessage("policy.yml: rotations[0].remind_before: longer than zero and at most 24h, got \"25h\" (line " + line + ")");
        assertThatThrownBy(() -> read(yaml.replace("remind_before: 1h", "remind_before: 0m")))
                .hasMessage("policy.yml: rotations[0].remind_before: a duration must be longer than zero, got \"0m\" (line " + line + ")");
        assertThatThrownBy(() -> read(yaml.replace("remind_before: 1h", "remind_before: PT-1H")))
                .hasMessage("policy.yml: rotations[0].remind_before: longer than zero and at most 24h, got \"PT-1H\" (line " + line + ")");
        assertThatThrownBy(() -> read(yaml.replace("remind_before: 1h", "remind_before: soon")))
                .hasMessageStartingWith("policy.yml: rotations[0].remind_before: a duration such as 15m, 4h or 2d, got \"soon\" (line " + line + ")");
    }

    @Test
    void an_unknown_key_in_a_block_mapping_is_named_at_its_own_line_not_the_end_of_the_mapping() {
        String yaml = VALID.replace("  leadership_channel:", "  chanel_prefix: esc\n  leadership_channel:");
        assertThatThrownBy(() -> read(yaml)).hasMessage("policy.yml: workspace.chanel_prefix: unknown key (line 3)");
    }

    @Test
    void malformed_yaml_names_the_line() {
        assertThatThrownBy(() -> read("workspace: [unclosed\n"))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("(line ");
    }

    @Test
    void an_empty_file_is_refused() {
        assertThatThrownBy(() -> read("")).hasMessage("policy.yml: the file is empty");
    }

    private static final String ROTATION = VALID + """
            groups:
              managers: [U0ESCHELEN]
            holidays:
              uk: [2026-12-25]
            rotations:
              - id: escalations
                managers: managers
                primary:
                  - name: EMEA
                    time_zone: Europe/London
                    window: "09:00-17:00"
                    days: [MON, tue, Wednesday, THU, FRI]
                    members: [U0ESCAMARA]
                    start: 2026-01-05
                    holidays: uk
                weekend:
                  time_zone: America/Los_Angeles
                  start: FRI 17:00
                  end: MON 09:00
                  primary: [U0ESCMARIA, U0ESCLUCAS]
                  start_date: 2026-01-02
                  max_in_a_row: 1
            """;

    @Test
    void reads_rotations_layers_weekends_and_holidays() {
        Policy policy = read(ROTATION);

        Rotation rotation = policy.rotation("escalations").orElseThrow();
        assertThat(rotation.primary().get(0).workDays()).hasSize(5);
        assertThat(rotation.primary().get(0).rotatesDaily()).isFalse();
        assertThat(rotation.weekend().startDay()).isEqualTo(java.time.DayOfWeek.FRIDAY);
        assertThat(rotation.weekend().endTime()).isEqualTo(java.time.LocalTime.of(9, 0));
        assertThat(policy.holidays("uk")).containsExactly(java.time.LocalDate.of(2026, 12, 25));
        assertThat(PolicyLoader.builtIn().rotations()).extracting(Rotation::id).containsExactly("escalations");
    }

    @Test
    void a_weekend_list_that_gives_someone_two_weekends_running_is_refused() {
        String yaml = ROTATION.replace("primary: [U0ESCMARIA, U0ESCLUCAS]", "primary: [U0ESCMARIA, U0ESCLUCAS, U0ESCLUCAS]");
        assertThatThrownBy(() -> read(yaml)).hasMessageContaining(
                "rotations[0].weekend: primary: U0ESCLUCAS would have 2 weekends in a row; max_in_a_row is 1");
        String alone = ROTATION.replace("primary: [U0ESCMARIA, U0ESCLUCAS]", "primary: [U0ESCMARIA]");
        assertThatThrownBy(() -> read(alone)).hasMessageContaining("U0ESCMARIA would have every weekend");
    }

    @Test
    void rotation_mistakes_name_their_key() {
        assertThatThrownBy(() -> read(ROTATION.replace("Europe/London", "Europe/Londres")))
                .hasMessageContaining("rotations[0].primary[0]: time_zone: not a time zone such as Europe/London, got \"Europe/Londres\"");
        assertThatThrownBy(() -> read(ROTATION.replace("\"09:00-17:00\"", "\"9am-5pm\"")))
                .hasMessageContaining("window: a daily window such as 09:00-17:00");
        assertThatThrownBy(() -> read(ROTATION.replace("holidays: uk", "holidays: fr")))
                .hasMessageContaining("names holiday calendar \"fr\", which is not under holidays");
        assertThatThrownBy(() -> read(ROTATION.replace("managers: managers", "managers: bosses")))
                .hasMessageContaining("rotations[0].managers: no group \"bosses\" in groups");
        assertThatThrownBy(() -> read(ROTATION.replace("start: FRI 17:00", "start: Friday evening")))
                .hasMessageContaining("time such as 09:00");
        assertThatThrownBy(() -> read(ROTATION.replace("start_date: 2026-01-02", "start_date: 2026-01-03")))
                .hasMessageContaining("start_date: 2026-01-03 is a SATURDAY; the first weekend starts on a FRIDAY");
        String secondaryWithHolidays = ROTATION.replace("    weekend:\n", """
                    secondary:
                      - name: S
                        time_zone: UTC
                        window: "00:00-24:00"
                        members: [U0ESCLUCAS]
                        start: 2026-01-05
                        holidays: uk
                    weekend:
                """);
        assertThat(secondaryWithHolidays).contains("name: S");
        assertThatThrownBy(() -> read(secondaryWithHolidays))
                .hasMessageContaining("rotations[0].secondary: layer S has holidays but the weekend rotation has nobody at this level");
    }
}
