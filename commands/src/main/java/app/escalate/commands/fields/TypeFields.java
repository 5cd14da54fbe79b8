package app.escalate.commands.fields;

import app.escalate.config.CaseField;
import app.escalate.config.CaseType;
import app.escalate.config.Policy;

import java.util.stream.Collectors;

/** What the policy says of fields across its case types: which never go to a model, and how to list a type's. */
public final class TypeFields {
    private TypeFields() {
    }

    /**
     * Whether a field of this id is restricted: by any case type that has it, so a value set under
     * one type and read under another (the type changed since) is never sent to a model by mistake.
     */
    public static boolean restricted(Policy policy, String fieldId) {
        return policy.caseTypes().stream().flatMap(t -> t.fields().stream()).anyMatch(f -> f.id().equals(fieldId) && f.restricted());
    }

    /** The type's fields as a usage line: each id, what it takes, and when it is needed. */
    public static String usage(CaseType type) {
        if (type.fields().isEmpty()) return type.label() + " has no fields.";
        return "Fields of " + type.label() + ": " + type.fields().stream().map(TypeFields::entry).collect(Collectors.joining(" · "))
                + ". E.g. `/esc set " + type.fields().get(0).id() + " <value>`.";
    }

    private static String entry(CaseField f) {
        String when = f.required().map(s -> switch (s) {
            case OPEN -> ", needed from the start";
            case MITIGATED -> ", needed to mitigate";
            case RESOLVE -> ", needed to resolve";
        }).orElse("");
        return "`" + f.id() + "` (" + FieldValue.hint(f) + when + ")";
    }
}
