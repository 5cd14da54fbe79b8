package app.escalate.config;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DecisionTreeTest {
    private static final String POLICY = """
            workspace:
              team_channel: "#escalations"
              leadership_channel: "#esc-leadership"
            severities:
              SEV1: {label: Critical, ack: 5m, mitigate: 1h, resolve: 24h}
              SEV2: {label: High, ack: 15m, mitigate: 4h}
              SEV3: {label: Moderate, ack: 1h, mitigate: 1d}
              SEV4: {label: Low, ack: 4h, mitigate: 3d}
            groups:
              comms: [U0ESCCHLOE]
            case_types:
              - id: deepfake
                label: Deepfake / synthetic media
                decision_tree:
                  owner: U0ESCOMAR
                  review_by: 2027-02-28
                  start: person
                  questions:
                    person:
                      ask: Does it depict a real person?
                      answers:
                        - label: Yes
                          actions:
                            - set_severity: SEV1
                            - loop: comms
                          next: spread
                        - label: No
                          next: spread
                    spread:
                      ask: Is it spreading fast?
                      answers:
                        - label: Viral
                          actions:
                            - add_task: Share hashes with partner platforms
                        - label: Contained
                          actions:
                            - post: Label it and watch for re-uploads.
            """;

    private static Policy read(String yaml) {
        return PolicyLoader.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "policy.yml");
    }

    @Test
    void aTreeIsReadWithItsOwnerReviewDateQuestionsAndActions() {
        DecisionTree tree = read(POLICY).caseType("deepfake").orElseThrow().tree().orElseThrow();
        assertThat(tree.owner()).isEqualTo("U0ESCOMAR");
        assertThat(tree.reviewBy()).isEqualTo(LocalDate.parse("2027-02-28"));
        assertThat(tree.question(tree.start()).answers()).extracting(DecisionTree.Answer::label).containsExactly("Yes", "No");
        assertThat(tree.question("person").answers().get(0).actions())
                .containsExactly(new DecisionTree.Action("SEV1", null, null, null), new DecisionTree.Action(null, "comms", null, null));
        assertThat(tree.question("spread").answers().get(1).next()).isNull();
    }

    @Test
    void theShippedPolicyHasWorkedTreesForHallucinationsAndDeepfakes() {
        Policy policy = PolicyLoader.builtIn();
        assertThat(policy.caseTypes()).filteredOn(t -> t.decisionTree() != null).extracting(CaseType::id)
                .contains("llm-hallucination", "deepfake");
        DecisionTree deepfake = policy.caseType("deepfake").orElseThrow().tree().orElseThrow();
        assertThat(deepfake.question("election").answers().get(0).actions()).contains(new DecisionTree.Action("SEV1", null, null, null));
    }

    @Test
    void anAnswerLeadingToNoQuestionIsRefusedWithItsKeyPath() {
        assertThatThrownBy(() -> read(POLICY.replace("next: spread\n            - label: No", "next: spraed\n            - label: No")))
                .hasMessageStartingWith("policy.yml: case_types[0].decision_tree: questions.person.answers[0].next: no question \"spraed\"");
    }

    @Test
    void answersLeadingRoundInACircleAreRefused() {
        String circular = POLICY.replace("- add_task: Share hashes with partner platforms\n",
                "- add_task: Share hashes with partner platforms\n              next: person\n");
        assertThatThrownBy(() -> read(circular))
                .hasMessageStartingWith("policy.yml: case_types[0].decision_tree: questions: answers lead round in a circle: person → spread → person");
    }

    @Test
    void anUnknownActionIsRefusedWithItsKeyPath() {
        assertThatThrownBy(() -> read(POLICY.replace("- post: Label it", "- page: Label it")))
                .hasMessage("policy.yml: case_types[0].decision_tree.questions.spread.answers[1].actions[0]: each action is exactly one of "
                        + "set_severity, loop, add_task, post (line 37)");
    }

    @Test
    void aLoopOfAGroupTheTeamDoesNotHaveIsRefused() {
        assertThatThrownBy(() -> read(POLICY.replace("- loop: comms", "- loop: press")))
                .hasMessageContaining("case_types[0].decision_tree.questions.person.answers[0].actions[1].loop: no group \"press\" in groups");
    }

    @Test
    void loopingInTheRespondersIsRefused() {
        assertThatThrownBy(() -> read(POLICY.replace("comms: [U0ESCCHLOE]", "comms: [U0ESCCHLOE]\n  responders: [U0ESCMARIA]")
                .replace("- loop: comms", "- loop: responders")))
                .hasMessageContaining("actions[1].loop: responders are who may steer a case, not a group to loop in");
    }

    @Test
    void aQuestionNoAnswerLeadsToIsRefused() {
        String orphan = POLICY + "        orphan:\n          ask: Nobody asks this?\n          answers:\n            - label: Indeed\n";
        assertThatThrownBy(() -> read(orphan)).hasMessageContaining("questions.orphan: no answer leads to it from start");
    }

    @Test
    void aTreeWithoutAnOwnerOrReviewDateIsRefused() {
        assertThatThrownBy(() -> read(POLICY.replace("      review_by: 2027-02-28\n", "")))
                .hasMessageContaining("case_types[0].decision_tree: review_by: missing");
    }
}
