package app.escalate.config;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The team's policy, from the YAML file at {@code ESCALATE_CONFIG} (or the built-in example).
 * Each section is checked as it is read; see {@link PolicyLoader}.
 */
public record Policy(Workspace workspace, Map<String, SeverityPolicy> severities, List<CaseType> caseTypes,
                     List<RootCause> rootCauses, Map<String, List<String>> groups, List<Rotation> rotations,
                     Map<String, List<LocalDate>> holidays, Map<String, Review> prompts, Triage triage, Intake intake,
                     Similar similar, Ai ai, Map<String, Person> people, Paging paging,
                     FairnessPolicy fairness) {

    public static final List<String> SEVERITY_KEYS = List.of("SEV1", "SEV2", "SEV3", "SEV4");
    /** The prompts the bot drafts with, by the name their versions share ({@code exec-summary.v1}, …). */
    public static final List<String> PROMPT_IDS = List.of("exec-summary", "rca", "triage");

    public Policy {
        if (workspace == null) throw new IllegalArgumentException("workspace: missing");
        severities = Map.copyOf(severities == null ? Map.of() : severities);
        if (!severities.keySet().equals(Set.copyOf(SEVERITY_KEYS))) {
            throw new IllegalArgumentException("severities: must define exactly " + String.join(", ", SEVERITY_KEYS)
                    + ", got " + severities.keySet().stream().sorted().toList());
        }
        caseTypes = List.copyOf(caseTypes == null ? List.of() : caseTypes);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < caseTypes.size(); i++) {
            CaseType type = caseTypes.get(i);
            if (!ids.add(type.id())) {
                throw new IllegalArgumentException("case_types[" + i + "].id: \"" + type.id() + "\" is used twice");
            }
        }
        rootCauses = List.copyOf(rootCauses == null ? List.of() : rootCauses);
        Set<String> causes = new HashSet<>();
        for (int i = 0; i < rootCauses.size(); i++) {
            if (!causes.add(rootCauses.get(i).id())) {
                throw new IllegalArgumentException("root_causes[" + i + "].id: \"" + rootCauses.get(i).id() + "\" is used twice");
            }
        }
        groups = Map.copyOf(groups == null ? Map.of() : groups);
        groups.forEach((name, members) -> {
            if (!name.matches("[a-z][a-z0-9_-]{0,39}")) {
                throw new IllegalArgumentException("groups." + name + ": group names are lowercase letters, digits, - and _");
            }
            Groups.members("groups." + name, members);
        });
        for (int i = 0; i < caseTypes.size(); i++) {
            DecisionTree tree = caseTypes.get(i).decisionTree();
            if (tree != null) knownGroups("case_types[" + i + "].decision_tree", tree, groups);
        }
        holidays = Map.copyOf(holidays == null ? Map.of() : holidays);
        prompts = prompts == null ? Map.of() : prompts;
        prompts.forEach((id, review) -> {
            if (!PROMPT_IDS.contains(id)) {
                throw new IllegalArgumentException("prompts." + id + ": no such prompt; the prompts are " + String.join(", ", PROMPT_IDS));
            }
            if (review == null) throw new IllegalArgumentException("prompts." + id + ": owner and review_by missing");
        });
        prompts = Map.copyOf(prompts);
        if (triage == null) triage = Triage.NONE;
        for (int i = 0; i < triage.rules().size(); i++) {
            String type = triage.rules().get(i).when().type();
            if (type != null && !ids.contains(type)) {
                throw new IllegalArgumentException("triage.rules[" + i + "].when.type: no case type \"" + type + "\" under case_types");
            }
        }
        if (intake == null) intake = Intake.NONE;
        if (similar == null) similar = Similar.DEFAULT;
        if (ai == null) ai = Ai.NONE;
        if (paging == null) paging = Paging.NONE;
        if (fairness == null) fairness = FairnessPolicy.DEFAULT;
        people = people == null ? Map.of() : people;
        for (Map.Entry<String, Person> person : people.entrySet()) {
            String at = "people." + person.getKey();
            Groups.members("people", List.of(person.getKey()));
            if (person.getValue() == null) throw new IllegalArgumentException(at + ": empty; give time_zone, quiet_hours or notify");
            List<NotifyStep> steps = person.getValue().steps();
            for (int i = 0; i < steps.size(); i++) {
                if (!paging.has(steps.get(i).via())) {
                    throw new IllegalArgumentException(at + ".notify[" + i + "].via: " + steps.get(i).via() + " is not under paging.providers");
                }
            }
        }
        people = Map.copyOf(people);
        for (int i = 0; i < intake.sources().size(); i++) {
            for (String type : intake.sources().get(i).allowedTypes()) {
                if (!ids.contains(type)) {
                    throw new IllegalArgumentException("intake.sources[" + i + "].allowed_types: no case type \"" + type + "\" under case_types");
                }
            }
        }
        rotations = List.copyOf(rotations == null ? List.of() : rotations);
        Set<String> rotationIds = new HashSet<>();
        for (int i = 0; i < rotations.size(); i++) {
            Rotation r = rotations.get(i);
            String at = "rotations[" + i + "]";
            if (!rotationIds.add(r.id())) throw new IllegalArgumentException(at + ".id: \"" + r.id() + "\" is used twice");
            if (r.managers() != null && !groups.containsKey(r.managers())) {
                throw new IllegalArgumentException(at + ".managers: no group \"" + r.managers() + "\" in groups");
            }
            for (Layer layer : concat(r.primary(), r.secondary())) {
                if (layer.holidays() != null && !holidays.containsKey(layer.holidays())) {
                    throw new IllegalArgumentException(at + ": layer " + layer.name() + " names holiday calendar \""
                            + layer.holidays() + "\", which is not under holidays");
                }
            }
            coveredOnHolidays(at + ".primary", r.primary(), r.weekend() == null ? List.of() : r.weekend().primary());
            coveredOnHolidays(at + ".secondary", r.secondary(), r.weekend() == null ? List.of() : r.weekend().secondary());
        }
    }

    /** What the policy says of a person, or the defaults (Slack only, UTC, no quiet hours). */
    public Person person(String userId) {
        return people.getOrDefault(userId, Person.DEFAULT);
    }

    public SeverityPolicy severity(int level) {
        return severities.get("SEV" + level);
    }

    /**
     * Whether a case's text (title, notes, tasks, timeline) may be sent to a model: per its type's
     * {@code ai}; with no type, or a type that does not say, only when the case is not restricted.
     */
    public boolean mayUseModel(Optional<String> caseType, boolean restrictedCase) {
        return caseType.flatMap(this::caseType).map(t -> t.mayUseModel(restrictedCase)).orElse(!restrictedCase);
    }

    public Optional<CaseType> caseType(String id) {
        return caseTypes.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    public Optional<RootCause> rootCause(String id) {
        return rootCauses.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    public Optional<Rotation> rotation(String id) {
        return rotations.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    public List<LocalDate> holidays(String calendar) {
        return calendar == null ? List.of() : holidays.getOrDefault(calendar, List.of());
    }

    /** A tree's {@code loop} actions name groups under {@code groups}. */
    private static void knownGroups(String at, DecisionTree tree, Map<String, List<String>> groups) {
        tree.questions().forEach((id, q) -> {
            for (int a = 0; a < q.answers().size(); a++) {
                List<DecisionTree.Action> actions = q.answers().get(a).actions();
                for (int k = 0; k < actions.size(); k++) {
                    String group = actions.get(k).loop();
                    if ("responders".equals(group)) {
                        throw new IllegalArgumentException(at + ".questions." + id + ".answers[" + a + "].actions[" + k
                                + "].loop: responders are who may steer a case, not a group to loop in");
                    }
                    if (group != null && !groups.containsKey(group)) {
                        throw new IllegalArgumentException(at + ".questions." + id + ".answers[" + a + "].actions[" + k
                                + "].loop: no group \"" + group + "\" in groups");
                    }
                }
            }
        });
    }

    /** Holidays are covered by the weekend rotation, so a layer with holidays needs weekend people at its level. */
    private static void coveredOnHolidays(String at, List<Layer> layers, List<String> weekendPeople) {
        for (Layer layer : layers) {
            if (layer.holidays() != null && weekendPeople.isEmpty()) {
                throw new IllegalArgumentException(at + ": layer " + layer.name() + " has holidays but the weekend rotation has "
                        + "nobody at this level to cover them");
            }
        }
    }

    private static List<Layer> concat(List<Layer> a, List<Layer> b) {
        List<Layer> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    public List<String> group(String name) {
        return groups.getOrDefault(name, List.of());
    }
}
