package app.escalate.bot.render;

import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;

import java.util.Map;
import java.util.Optional;

/** Reading a submitted form: its values, and one input's value where block and action share an id (as in every form here). */
public final class FormValues {
    private FormValues() {
    }

    /** The values of a submitted view; none when Slack (or whoever sent it) left the state out. */
    public static Map<String, Map<String, ViewState.Value>> of(View view) {
        return view.getState() == null || view.getState().getValues() == null ? Map.of() : view.getState().getValues();
    }

    static Optional<ViewState.Value> value(Map<String, Map<String, ViewState.Value>> values, String id) {
        return Optional.ofNullable(values).map(v -> v.get(id)).map(block -> block.get(id));
    }
}
