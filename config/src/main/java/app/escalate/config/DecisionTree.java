package app.escalate.config;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A case type's runbook as a decision tree, the judgment of the person who owns it written down:
 * questions asked in the case channel with a button per answer, each answer acting on the case
 * (set the severity, loop in a group, add tasks, post guidance) and leading to a further question
 * or ending the walk. Checked as it is read: every {@code next} names a question, every question
 * is reachable from {@code start}, no walk comes back to a question it has asked, and every action
 * is one this bot knows. {@code owner} and {@code review_by} say who keeps it current, and when it
 * is due for review.
 */
public record DecisionTree(String owner, LocalDate reviewBy, String start, Map<String, Question> questions) {
    /** Slack's limit for a button's text. */
    static final int MAX_LABEL = 75;
    /** Buttons in one row, and what a responder can weigh at 3 a.m. */
    static final int MAX_ANSWERS = 5;
    /** Within Slack's 3,000 characters a text block, with room for the heading and the escaping. */
    static final int MAX_TEXT = 2_000;

    public DecisionTree {
        new Review(owner, reviewBy); // checks both
        if (questions == null || questions.isEmpty()) throw new IllegalArgumentException("questions: missing");
        questions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(questions));
        if (start == null || !questions.containsKey(start)) {
            throw new IllegalArgumentException("start: no question \"" + start + "\" under questions");
        }
        for (var q : questions.entrySet()) {
            if (!q.getKey().matches("[a-z][a-z0-9_-]{0,39}")) {
                throw new IllegalArgumentException("questions." + q.getKey() + ": question ids are lowercase letters, digits, - and _");
            }
            List<Answer> answers = q.getValue().answers();
            for (int i = 0; i < answers.size(); i++) {
                String next = answers.get(i).next();
                if (next != null && !questions.containsKey(next)) {
                    throw new IllegalArgumentException("questions." + q.getKey() + ".answers[" + i + "].next: no question \"" + next + "\"");
                }
            }
        }
        noCycleFrom(start, questions, new HashSet<>(), new LinkedHashMap<>());
        Set<String> reached = new HashSet<>();
        reach(start, questions, reached);
        for (String id : questions.keySet()) {
            if (!reached.contains(id)) throw new IllegalArgumentException("questions." + id + ": no answer leads to it from start");
        }
    }

    public Question question(String id) {
        Question q = questions.get(id);
        if (q == null) throw new IllegalArgumentException("no question " + id);
        return q;
    }

    /** Depth first; {@code path} holds the questions on the current walk, in order, for the error. */
    private static void noCycleFrom(String id, Map<String, Question> questions, Set<String> done, LinkedHashMap<String, Boolean> path) {
        if (done.contains(id)) return;
        if (path.containsKey(id)) {
            throw new IllegalArgumentException("questions: answers lead round in a circle: "
                    + String.join(" → ", path.keySet()) + " → " + id);
        }
        path.put(id, true);
        for (Answer a : questions.get(id).answers()) {
            if (a.next() != null) noCycleFrom(a.next(), questions, done, path);
        }
        path.remove(id);
        done.add(id);
    }

    private static void reach(String id, Map<String, Question> questions, Set<String> reached) {
        if (!reached.add(id)) return;
        for (Answer a : questions.get(id).answers()) {
            if (a.next() != null) reach(a.next(), questions, reached);
        }
    }

    /** A question and the answers offered as buttons. */
    /** Who keeps this tree current, and by when. */
    public Review review() {
        return new Review(owner, reviewBy);
    }

    public record Question(String ask, List<Answer> answers) {
        public Question {
            if (ask == null || ask.isBlank()) throw new IllegalArgumentException("ask: missing");
            if (ask.length() > MAX_TEXT) throw new IllegalArgumentException("ask: at most " + MAX_TEXT + " characters");
            answers = List.copyOf(answers == null ? List.of() : answers);
            if (answers.isEmpty() || answers.size() > MAX_ANSWERS) {
                throw new IllegalArgumentException("answers: 1 to " + MAX_ANSWERS + " answers, got " + answers.size());
            }
        }
    }

    /** An answer: what it does to the case, then the question it leads to (none ends the walk). */
    public record Answer(String label, List<Action> actions, String next) {
        public Answer {
            if (label == null || label.isBlank()) throw new IllegalArgumentException("label: missing");
            if (label.length() > MAX_LABEL) throw new IllegalArgumentException("label: at most " + MAX_LABEL + " characters");
            actions = List.copyOf(actions == null ? List.of() : actions);
        }
    }

    /** Exactly one of: {@code set_severity: SEV1}, {@code loop: <group>}, {@code add_task: <text>}, {@code post: <guidance>}. */
    public record Action(String setSeverity, String loop, String addTask, String post) {
        public Action {
            long set = java.util.stream.Stream.of(setSeverity, loop, addTask, post).filter(v -> v != null).count();
            if (set != 1) throw new IllegalArgumentException("each action is exactly one of set_severity, loop, add_task, post");
            if (setSeverity != null && !Policy.SEVERITY_KEYS.contains(setSeverity)) {
                throw new IllegalArgumentException("set_severity: one of " + Policy.SEVERITY_KEYS + ", got \"" + setSeverity + "\"");
            }
            if (addTask != null && addTask.isBlank()) throw new IllegalArgumentException("add_task: empty");
            if (post != null && post.isBlank()) throw new IllegalArgumentException("post: empty");
            if (post != null && post.length() > MAX_TEXT) throw new IllegalArgumentException("post: at most " + MAX_TEXT + " characters");
            if (addTask != null && addTask.length() > MAX_TEXT) {
                throw new IllegalArgumentException("add_task: at most " + MAX_TEXT + " characters");
            }
        }
    }
}
