package app.escalate.bot.sandbox;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The modals the bot opens, as the page works them: a choice sent at once ({@code dispatch_action},
 * such as the open form's case type), the submit button (errors go back beside their fields), and
 * cancel. Each reaches the bot as the payload Slack sends, with what the person has entered so far.
 */
final class SandboxForms {
    private final Gson gson = new Gson();
    private final Workspace workspace;
    private final SandboxClock clock;
    private final SlackPosts posts;

    SandboxForms(Workspace workspace, SandboxClock clock, SlackPosts posts) {
        this.workspace = workspace;
        this.clock = clock;
        this.posts = posts;
    }

    void register(JavalinConfig config) {
        config.routes.post("/sandbox/submit", this::submit);
        config.routes.post("/sandbox/cancel", ctx -> {
            JsonObject in = JsonParser.parseString(ctx.body()).getAsJsonObject();
            if (in.has("viewId") && !in.get("viewId").isJsonNull()) workspace.closeView(in.get("viewId").getAsString());
            json(ctx, Map.of("status", 200));
        });
    }

    /** A choice in an open modal that is sent at once ({@code dispatch_action}): {@code block_actions} from a view container. */
    void choice(Context ctx, JsonObject in) throws Exception {
        String user = in.get("user").getAsString();
        String viewId = in.get("viewId").getAsString();
        Workspace.View open = workspace.openView(user).filter(v -> v.id().equals(viewId)).orElse(null);
        if (open == null || !in.has("selected")) {
            ctx.status(404);
            json(ctx, Map.of("error", "No such form open for this person."));
            return;
        }
        JsonObject action = new JsonObject();
        action.addProperty("type", "static_select");
        action.addProperty("action_id", in.get("actionId").getAsString());
        action.addProperty("block_id", in.has("blockId") ? in.get("blockId").getAsString() : "");
        action.addProperty("action_ts", clock.instant().getEpochSecond() + ".000001");
        JsonObject option = new JsonObject();
        option.add("text", SlackPosts.text(in.get("selected").getAsString()));
        option.addProperty("value", in.get("selected").getAsString());
        action.add("selected_option", option);
        JsonObject payload = posts.base("block_actions", user);
        JsonObject container = new JsonObject();
        container.addProperty("type", "view");
        container.addProperty("view_id", viewId);
        payload.add("container", container);
        payload.add("view", asSent(open, in.get("values")));
        JsonArray actions = new JsonArray();
        actions.add(action);
        payload.add("actions", actions);
        json(ctx, Map.of("status", posts.payload(payload).statusCode()));
    }

    /** A modal's submit button: the {@code view_submission} payload with the form's values; errors go back to the page. */
    private void submit(Context ctx) throws Exception {
        JsonObject in = JsonParser.parseString(ctx.body()).getAsJsonObject();
        String user = in.get("user").getAsString();
        String viewId = in.get("viewId").getAsString();
        Workspace.View open = workspace.openView(user).filter(v -> v.id().equals(viewId)).orElse(null);
        if (open == null) {
            json(ctx, Map.of("status", 404));
            return;
        }
        JsonObject payload = posts.base("view_submission", user);
        payload.add("view", asSent(open, in.get("values")));
        HttpResponse<String> ack = posts.payload(payload);
        JsonElement errors = null;
        if (!ack.body().isBlank()) {
            JsonObject reply = JsonParser.parseString(ack.body()).getAsJsonObject();
            if (reply.has("errors")) errors = reply.get("errors");
        }
        if (ack.statusCode() == 200 && errors == null) workspace.closeView(viewId);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", ack.statusCode());
        if (errors != null) out.put("errors", errors);
        json(ctx, out);
    }

    /** The open modal as Slack sends it back in a payload: its ids and metadata, and what the person has entered so far. */
    private static JsonObject asSent(Workspace.View open, JsonElement values) {
        JsonObject stored = open.view().getAsJsonObject();
        JsonObject view = new JsonObject();
        view.addProperty("id", open.id());
        view.addProperty("team_id", "T0SANDBOX");
        view.addProperty("type", "modal");
        view.add("callback_id", stored.get("callback_id"));
        if (stored.has("private_metadata")) view.add("private_metadata", stored.get("private_metadata"));
        view.addProperty("hash", "h");
        view.add("title", stored.get("title"));
        view.add("blocks", new JsonArray());
        JsonObject state = new JsonObject();
        state.add("values", values == null || values.isJsonNull() ? new JsonObject() : values);
        view.add("state", state);
        return view;
    }

    private void json(Context ctx, Object value) {
        ctx.contentType("application/json; charset=utf-8").result(gson.toJson(value));
    }
}
