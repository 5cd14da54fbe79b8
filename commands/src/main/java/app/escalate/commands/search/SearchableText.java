package app.escalate.commands.search;

import app.escalate.commands.CaseDecision;
import app.escalate.commands.CaseEvent;
import app.escalate.commands.CaseFile;
import app.escalate.commands.EventData;
import app.escalate.config.CaseField;
import app.escalate.config.Policy;
import app.escalate.config.RootCause;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a case is found by: its title, description, notes, fields, decisions and resolution with its
 * root cause. A field marked {@code restricted: true} in the policy is left out: it may hold what only
 * the case's people should read, and a search hit quotes nothing but says the case matched.
 */
public final class SearchableText {
    /**
     * The most text kept per case (the stored column's size). The embedding model reads it in pieces of
     * about 510 word pieces and averages them, so a long case costs a few embeddings, not one.
     */
    static final int MAX_CHARS = 8000;

    private SearchableText() {
    }

    public static String of(CaseFile file, List<CaseEvent> timeline, Policy policy) {
        List<String> parts = new ArrayList<>();
        parts.add(file.details().title());
        for (CaseEvent e : timeline) {
            e.as(EventData.Opened.class).flatMap(EventData.Opened::description).ifPresent(parts::add);
        }
        file.details().resolution().ifPresent(r -> {
            parts.add(r.text());
            r.rootCause().map(id -> policy.rootCause(id).map(RootCause::label).orElse(id)).ifPresent(parts::add);
        });
        for (CaseDecision d : file.decisions()) {
            parts.add(d.text());
            parts.add(d.rationale());
        }
        for (Map.Entry<String, String> f : new java.util.TreeMap<>(file.fields()).entrySet()) {
            if (!restricted(file, f.getKey(), policy)) parts.add(f.getValue());
        }
        for (CaseEvent e : timeline) {
            e.as(EventData.NoteAdded.class).map(EventData.NoteAdded::text).ifPresent(parts::add);
        }
        String text = String.join("\n", parts.stream().filter(p -> p != null && !p.isBlank()).toList());
        return text.length() <= MAX_CHARS ? text : text.substring(0, MAX_CHARS);
    }

    private static boolean restricted(CaseFile file, String field, Policy policy) {
        return file.details().caseType().flatMap(policy::caseType).flatMap(t -> t.field(field)).map(CaseField::restricted).orElse(true);
    }
}
