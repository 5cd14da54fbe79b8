package app.escalate.bot.slack;

import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.EventRequest;
import com.slack.api.bolt.request.builtin.MessageShortcutRequest;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.request.builtin.ViewClosedRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.model.view.View;

/**
 * Whether a signed request has what Slack always sends with its kind (who, where, which action
 * or form). A body that lacks it is refused with 400 instead of failing inside Bolt or a handler.
 */
final class RequestShape {
    private RequestShape() {
    }

    static boolean whole(Request<?> request) {
        if (request instanceof SlashCommandRequest r) {
            var p = r.getPayload();
            return p != null && present(p.getUserId()) && present(p.getChannelId()) && present(p.getCommand());
        }
        if (request instanceof BlockActionRequest r) {
            var p = r.getPayload();
            return p != null && p.getUser() != null && present(p.getUser().getId()) && p.getActions() != null && !p.getActions().isEmpty()
                    && p.getActions().stream().allMatch(a -> a != null && present(a.getActionId()));
        }
        if (request instanceof ViewSubmissionRequest r) {
            var p = r.getPayload();
            return p != null && p.getUser() != null && formBy(p.getUser().getId(), p.getView());
        }
        if (request instanceof ViewClosedRequest r) {
            var p = r.getPayload();
            return p != null && p.getUser() != null && formBy(p.getUser().getId(), p.getView());
        }
        if (request instanceof MessageShortcutRequest r) {
            var p = r.getPayload();
            return p != null && p.getUser() != null && present(p.getUser().getId()) && p.getChannel() != null
                    && p.getMessage() != null && present(p.getCallbackId());
        }
        if (request instanceof EventRequest r) return present(r.getEventType());
        return true;
    }

    /** A form submitted or closed: by someone, and the form itself. */
    private static boolean formBy(String user, View view) {
        return present(user) && view != null;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
