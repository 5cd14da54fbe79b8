package app.escalate.bot.render;

import app.escalate.commands.ChannelId;
import app.escalate.commands.CommandParser;
import app.escalate.commands.EscCommand;
import app.escalate.commands.Severity;
import app.escalate.commands.SlackText;
import app.escalate.config.CaseType;
import app.escalate.config.Policy;
import app.escalate.config.SeverityPolicy;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import com.slack.api.model.view.Views;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.checkboxes;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.block.element.BlockElements.staticSelect;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

/**
 * The "Open a case" modal, for {@code /esc open} with no arguments and the "Escalate this message"
 * shortcut; and reading its submission back into an {@link EscCommand.Open}.
 */
public final class OpenCaseForm {
    public static final String CALLBACK_ID = "open_case";
    /** The block a refusal of the whole form is shown beside. */
    public static final String TITLE_BLOCK = "title";
    static final String TITLE = TITLE_BLOCK;
    static final String SEVERITY = "severity";
    /** The case type's select, whose choice is sent at once (the form then shows that type's fields). */
    public static final String TYPE_ACTION = "case_type";
    static final String TYPE = TYPE_ACTION;
    static final String SURFACE = "surface";
    static final String DESCRIPTION = "description";
    static final String RESTRICTED = "restricted";
    private static final int OPTION_TEXT_MAX = 75;

    private final Policy policy;

    public OpenCaseForm(Policy policy) {
        this.policy = policy;
    }

    /**
     * What the form starts with (empty, or drawn from a message), the channel it was asked for in,
     * and whether Restricted starts ticked (a message from a private place stays private).
     */
    public record Prefill(String title, String description, String originChannel, boolean restricted, Privacy privacy) {
        public Prefill(String title, String description, String originChannel, boolean restricted) {
            this(title, description, originChannel, restricted, Privacy.NOT_A_MESSAGE);
        }

        public static Prefill empty(String originChannel) {
            return new Prefill("", "", originChannel, false);
        }

        public Prefill withDescription(String text) {
            return new Prefill(title, text, originChannel, restricted, privacy);
        }

        /** What Slack said of the message's channel, and Restricted ticked to match. */
        public Prefill knownTo(Privacy known) {
            return new Prefill(title, description, originChannel, known == Privacy.PRIVATE, known);
        }
    }

    /**
     * For a form opened from a message, whether the message's channel is known to be private. It
     * travels in the form's metadata, so the form that comes back says what its sender saw, on any
     * replica: sent back {@code UNCHECKED}, the person never saw Restricted set from Slack's answer,
     * and an unticked box is no choice of theirs.
     */
    public enum Privacy {
        /** Not from a message (typed {@code /esc open}): the box is the person's to tick. */
        NOT_A_MESSAGE,
        /** Opened before Slack said. */
        UNCHECKED,
        PRIVATE,
        PUBLIC
    }

    /** Where a form was opened, and what it knew of that channel's privacy, from its metadata. */
    public record Origin(ChannelId channel, Privacy privacy) {
        public static Optional<Origin> parse(String metadata) {
            if (metadata == null) return Optional.empty();
            String[] parts = metadata.split("\\|", -1);
            if (parts.length > 2) return Optional.empty();
            Optional<Privacy> privacy = parts.length == 1 ? Optional.of(Privacy.NOT_A_MESSAGE)
                    : Arrays.stream(Privacy.values()).filter(p -> p != Privacy.NOT_A_MESSAGE && p.name().equalsIgnoreCase(parts[1]))
                    .findFirst();
            return ChannelId.parse(parts[0]).flatMap(channel -> privacy.map(p -> new Origin(channel, p)));
        }

        static String metadata(Prefill prefill) {
            return prefill.originChannel() + (prefill.privacy() == Privacy.NOT_A_MESSAGE ? ""
                    : "|" + prefill.privacy().name().toLowerCase(Locale.ROOT));
        }
    }

    /** The filled-in form: an open command, or errors to show beside the fields (by block id). */
    public record Submission(Optional<EscCommand.Open> command, Map<String, String> errors) {
    }

    public View view(Prefill prefill) {
        return view(prefill, Optional.empty());
    }

    /**
     * The form again, for the case type just chosen in it: that type's fields added after the type.
     * Slack keeps what was typed in inputs whose ids stay the same, so only the metadata is carried over.
     */
    public Optional<View> forType(String privateMetadata, Optional<String> typeId) {
        return Origin.parse(privateMetadata).map(o -> view(new Prefill("", "", o.channel().value(), o.privacy() == Privacy.PRIVATE, o.privacy()),
                typeId.flatMap(policy::caseType)));
    }

    private View view(Prefill prefill, Optional<CaseType> type) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(input(i -> i.blockId(TITLE).label(plainText("Title"))
                .element(plainTextInput(p -> p.actionId(TITLE).maxLength(CommandParser.MAX_TITLE_LENGTH)
                        .initialValue(prefill.title().isEmpty() ? null : prefill.title())
                        .placeholder(plainText("What is happening, in one line"))))));
        blocks.add(input(i -> i.blockId(SEVERITY).optional(true).label(plainText("Severity"))
                .hint(plainText("Leave empty for the case type's default (SEV3 without a type)."))
                .element(staticSelect(s -> s.actionId(SEVERITY).options(severityOptions())))));
        // Choosing a type tells the bot at once (dispatch_action), which adds that type's fields to the form.
        blocks.add(input(i -> i.blockId(TYPE).optional(true).label(plainText("Case type")).dispatchAction(true)
                .element(staticSelect(s -> s.actionId(TYPE).options(policy.caseTypes().stream()
                        .map(t -> option(plainText(clip(t.label())), t.id())).toList())
                        .initialOption(type.map(t -> option(plainText(clip(t.label())), t.id())).orElse(null))))));
        type.ifPresent(t -> blocks.addAll(FieldInputs.blocks(t)));
        blocks.add(input(i -> i.blockId(SURFACE).optional(true).label(plainText("Affected surface"))
                .element(plainTextInput(p -> p.actionId(SURFACE).maxLength(150)
                        .placeholder(plainText("e.g. assistant app, search, ads, video"))))));
        blocks.add(input(i -> i.blockId(DESCRIPTION).optional(true).label(plainText("Description"))
                .element(plainTextInput(p -> p.actionId(DESCRIPTION).multiline(true).maxLength(CommandParser.MAX_NOTE_LENGTH)
                        .initialValue(prefill.description().isEmpty() ? null : prefill.description())))));
        OptionObject restrictedOption = option(plainText("Restricted: private channel, hidden from others' lists"), RESTRICTED);
        blocks.add(input(i -> i.blockId(RESTRICTED).optional(true).label(plainText("Access"))
                .element(checkboxes(c -> c.actionId(RESTRICTED).options(List.of(restrictedOption))
                        .initialOptions(prefill.restricted() ? List.of(restrictedOption) : null)))));
        return Views.view(v -> v.type("modal").callbackId(CALLBACK_ID).privateMetadata(Origin.metadata(prefill))
                .title(viewTitle(t -> t.type("plain_text").text("Open a case")))
                .submit(viewSubmit(s -> s.type("plain_text").text("Open")))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .blocks(blocks));
    }

    public Submission read(Map<String, Map<String, ViewState.Value>> values) {
        Map<String, String> errors = new HashMap<>();
        String title = text(values, TITLE).orElse("");
        if (title.isBlank()) errors.put(TITLE, "Give the case a title.");
        if (SlackText.length(title) > CommandParser.MAX_TITLE_LENGTH) {
            errors.put(TITLE, "At most " + CommandParser.MAX_TITLE_LENGTH + " characters.");
        }
        Optional<Severity> severity = selected(values, SEVERITY).flatMap(Severity::parse);
        Optional<String> type = selected(values, TYPE);
        if (type.isPresent() && policy.caseType(type.get()).isEmpty()) errors.put(TYPE, "That case type is no longer in the policy.");
        FieldInputs.Read fields = type.flatMap(policy::caseType).map(t -> FieldInputs.read(t, values))
                .orElse(new FieldInputs.Read(Map.of(), Map.of()));
        errors.putAll(fields.errors());
        boolean restricted = FormValues.value(values, RESTRICTED).map(v -> v.getSelectedOptions() != null && !v.getSelectedOptions().isEmpty())
                .orElse(false);
        if (!errors.isEmpty()) return new Submission(Optional.empty(), errors);
        return new Submission(Optional.of(new EscCommand.Open(title.strip(), severity, type, text(values, SURFACE),
                text(values, DESCRIPTION), restricted ? Optional.of(true) : Optional.empty(), fields.fields())), Map.of());
    }

    private List<OptionObject> severityOptions() {
        List<OptionObject> options = new ArrayList<>();
        for (Severity s : Severity.values()) {
            SeverityPolicy p = policy.severity(s.level());
            options.add(option(plainText(clip(s + " · " + p.label())), s.name()));
        }
        return options;
    }

    private static String clip(String text) {
        return SlackText.clip(text, OPTION_TEXT_MAX);
    }

    private static Optional<String> text(Map<String, Map<String, ViewState.Value>> values, String id) {
        return FormValues.value(values, id).map(ViewState.Value::getValue).map(String::strip).filter(s -> !s.isEmpty());
    }

    private static Optional<String> selected(Map<String, Map<String, ViewState.Value>> values, String id) {
        return FormValues.value(values, id).map(ViewState.Value::getSelectedOption).map(ViewState.SelectedOption::getValue);
    }
}
